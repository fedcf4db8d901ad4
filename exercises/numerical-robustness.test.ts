/**
 * Correct solutions that compute the statistics in a numerically different but
 * stable way (Welford's online update, summing in reverse order, shifting the
 * data by its first value) must still get full marks: the hidden hard-input
 * tests (offset 1e8, σ² ≪ ε, constant columns) have to separate WRONG formulas
 * from right ones, not punish harmless rounding differences. Each variant is
 * spliced into the same solution template, in JavaScript (stable-statistics.ts;
 * scripts/measure/numerical-margins.ts measures the margin across seeds).
 */
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import { NAIVE, SOLUTIONS, STATS } from "./stable-statistics";

/** Only exercises the course still has: removing one must not break this file. */
const present = new Set(await listExerciseFolders());

describe("numerically different but stable correct solutions get full marks", () => {
  for (const [id, solution] of Object.entries(SOLUTIONS)) {
    for (const [variant, stats] of Object.entries(STATS)) {
      it.skipIf(!present.has(id))(`${id} with ${variant}`, async () => {
        const exercise = await loadExercise(id);
        const report = await gradeInProcess(exercise, `${stats}\n${solution}`, "javascript", "submit");
        expect(report.tests.filter((t) => t.status !== "passed").map((t) => `${t.id}: ${t.message}`)).toEqual([]);
        expect(report.score).toBe(1);
      });
    }
  }

  for (const [id, solution] of Object.entries(SOLUTIONS)) {
    it.skipIf(!present.has(id))(`${id}: the template is not vacuous — the naive E[x²] − μ² variance fails the hidden large-offset test`, async () => {
      const report = await gradeInProcess(await loadExercise(id), `${NAIVE}\n${solution}`, "javascript", "submit");
      const offsetTests = report.tests.filter((t) => /large.*offset/.test(t.id));
      expect(offsetTests.length).toBeGreaterThan(0);
      for (const t of offsetTests) expect(t.status, t.id).not.toBe("passed");
    });
  }
});
