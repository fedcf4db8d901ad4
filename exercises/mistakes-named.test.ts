/**
 * Every known mistake, graded as a student submission through the real grader,
 * must be named as itself and as nothing else: the misconception report of
 * mistakes/<id>.ts is exactly [<id>]. This is the local form of the grader's
 * confusion-matrix rule (no mistake's code may be named as another mistake),
 * and it proves every message is earned by the outputs it describes.
 * Run alone: npx vitest run exercises/mistakes-named.test.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";

const root = path.dirname(fileURLToPath(import.meta.url));
const exerciseIds = await listExerciseFolders(root);

describe.each(exerciseIds)("%s: each mistake is named as itself only", async (id) => {
  const exercise = await loadExercise(id, root);
  it.each(exercise.mistakes.map((m) => m.id))("%s", async (mistakeId) => {
    const code = readFileSync(path.join(root, id, "mistakes", `${mistakeId}.ts`), "utf8");
    const report = await gradeInProcess(exercise, code, "typescript", "submit");
    expect(report.status).toBe("failed");
    expect(report.misconceptions.map((m) => m.id)).toEqual([mistakeId]);
  });
});
