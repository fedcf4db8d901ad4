/**
 * Correct solutions written differently from the references — loops instead of
 * map/reduce, equivalent formulas, JavaScript instead of TypeScript — must get
 * full marks from the real grader (compile → sandbox → compare, "submit" mode).
 * Sources live in exercises/<id>/alternatives/; the batchnorm-forward one is
 * inline because that folder belongs to the forward exercise's author.
 * As a control, each exercise's first known mistake must NOT get full marks
 * through the same path, so a grader that passes everything fails this file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/grade";
import { listExerciseFolders, loadExercise } from "@/grader/load-exercise";
import type { Language } from "@/grader/schema";

const root = path.dirname(fileURLToPath(import.meta.url));

/** batchnorm-forward in JavaScript: column-wise map/reduce, multiply by 1/σ instead of dividing. */
const FORWARD_MAP_REDUCE_JS = `
export function batchnormForward(x, gamma, beta, eps) {
  const n = x.length;
  const columns = gamma.map((_, j) => x.map((row) => row[j]));
  const mean = columns.map((col) => col.reduce((a, b) => a + b, 0) / n);
  const variance = columns.map((col, j) => col.map((v) => (v - mean[j]) ** 2).reduce((a, b) => a + b, 0) / n);
  const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
  return { out: x.map((row) => row.map((v, j) => gamma[j] * (v - mean[j]) * inv[j] + beta[j])), mean, variance };
}
`;

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

const EXERCISES = ["batchnorm-forward", "batchnorm-backward", "batchnorm-inference", "spatial-batchnorm-forward", "layernorm-forward", "fold-batchnorm"];

const alternatives: Alternative[] = [
  { exercise: "batchnorm-forward", label: "inline map/reduce (JavaScript)", code: FORWARD_MAP_REDUCE_JS, language: "javascript" },
  ...EXERCISES.flatMap(fromFolder),
];

describe("alternative correct solutions", () => {
  it("cover all six exercises, each with at least one", async () => {
    expect((await listExerciseFolders(root)).filter((id) => EXERCISES.includes(id)).sort()).toEqual([...EXERCISES].sort());
    for (const id of EXERCISES) expect(alternatives.some((a) => a.exercise === id), id).toBe(true);
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
