/**
 * Correct solutions written differently from the references — loops instead of
 * map/reduce, equivalent formulas, JavaScript instead of TypeScript — must get
 * full marks from the real grader (compile → sandbox → compare, "submit" mode).
 * Sources live in exercises/<id>/alternatives/.
 * The exercise list is read from the content, so a new exercise folder is
 * graded here without editing this file, and one without alternatives fails.
 * As a control, each exercise's first known mistake must NOT get full marks
 * through the same path, so a grader that passes everything fails this file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import type { Language } from "@/grader/contract/schema";

const root = path.dirname(fileURLToPath(import.meta.url));

interface Alternative {
  exercise: string;
  label: string;
  code: string;
  language: Language;
}

function fromFolder(exercise: string): Alternative[] {
  const dir = path.join(root, exercise, "alternatives");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") || f.endsWith(".js"))
    .sort()
    .map((file) => ({
      exercise,
      label: `alternatives/${file}`,
      code: readFileSync(path.join(dir, file), "utf8"),
      language: file.endsWith(".js") ? "javascript" : "typescript",
    }));
}

const EXERCISES = await listExerciseFolders(root);

const alternatives: Alternative[] = [
  ...EXERCISES.flatMap(fromFolder),
];

describe("alternative correct solutions", () => {
  it("every exercise folder has at least one alternative", () => {
    expect(EXERCISES.length).toBeGreaterThan(0);
    const without = EXERCISES.filter((id) => !alternatives.some((a) => a.exercise === id));
    expect(without, "add a correct solution written differently under exercises/<id>/alternatives/").toEqual([]);
  });

  for (const alt of alternatives) {
    it(`${alt.exercise}: ${alt.label} gets full marks`, async () => {
      const exercise = await loadExercise(alt.exercise, root);
      const report = await gradeInProcess(exercise, alt.code, alt.language, "submit");
      expect(report.compileErrors).toEqual([]);
      expect(report.tests.filter((t) => t.status !== "passed").map((t) => `${t.id}: ${t.message}`)).toEqual([]);
      expect(report.tests.length).toBe(exercise.tests.length);
      expect(report.status).toBe("passed");
      expect(report.score).toBe(1);
    });
  }

  for (const id of EXERCISES) {
    it(`${id}: a known mistake graded the same way does not get full marks (control)`, async () => {
      const exercise = await loadExercise(id, root);
      const [mistake] = exercise.mistakes;
      const code = readFileSync(path.join(root, id, "mistakes", `${mistake.id}.ts`), "utf8");
      const report = await gradeInProcess(exercise, code, "typescript", "submit");
      expect(report.score).toBeLessThan(1);
      expect(report.tests.some((t) => t.visibility === "hidden" && t.status !== "passed")).toBe(true);
    });
  }
});
