/**
 * Correct porting solutions whose batch statistics are computed in other
 * stable ways (Welford's update, reverse summation, data shifted by its first
 * value) get full marks, and the naive E[x²] − μ² variance fails the hidden
 * test at offset 1e8: the hard inputs separate wrong formulas, not rounding.
 * (The same idea as exercises/numerical-robustness.test.ts, kept beside this
 * exercise so that file's list stays the lead's.)
 */
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { loadExercise } from "@/grader/content/load-exercise";

/** Each defines `stats(values) → [mean, biased variance]`. */
const STATS: Record<string, string> = {
  welford: `function stats(a) {
    let m = 0, s = 0;
    for (let k = 0; k < a.length; k++) { const d = a[k] - m; m += d / (k + 1); s += d * (a[k] - m); }
    return [m, s / a.length];
  }`,
  "reverse summation": `function stats(a) {
    let t = 0;
    for (let k = a.length - 1; k >= 0; k--) t += a[k];
    const m = t / a.length;
    let s = 0;
    for (let k = a.length - 1; k >= 0; k--) s += (a[k] - m) * (a[k] - m);
    return [m, s / a.length];
  }`,
  "shifted data": `function stats(a) {
    const K = a[0];
    let t = 0, q = 0;
    for (const v of a) { t += v - K; q += (v - K) ** 2; }
    return [K + t / a.length, (q - (t * t) / a.length) / a.length];
  }`,
};

const NAIVE = `function stats(a) {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return [m, a.reduce((s, v) => s + v * v, 0) / a.length - m * m];
}`;

/** A solution that gets its statistics only from `stats`. */
const SOLUTION = `export class PyTorchPort {
  toPyTorch(s) {
    return { weight: [...s.gamma], bias: [...s.beta], running_mean: [...s.runningMean], running_var: [...s.runningVar], momentum: 1 - s.momentum, eps: s.eps };
  }
  fromPyTorch(s) {
    return { gamma: [...s.weight], beta: [...s.bias], runningMean: [...s.running_mean], runningVar: [...s.running_var], momentum: 1 - s.momentum, eps: s.eps };
  }
  pytorchRunningStats(batches, p) {
    const d = batches[0][0].length;
    let rm = Array(d).fill(0), rv = Array(d).fill(1), t = 0;
    for (const x of batches) {
      t++;
      const f = p === null ? 1 / t : p;
      const n = x.length;
      const st = rm.map((_, j) => stats(x.map((r) => r[j])));
      rm = rm.map((r, j) => (1 - f) * r + f * st[j][0]);
      rv = rv.map((r, j) => (1 - f) * r + (f * st[j][1] * n) / (n - 1));
    }
    return { running_mean: rm, running_var: rv, num_batches_tracked: t };
  }
}`;

describe("porting-conventions: numerically different but stable statistics get full marks", () => {
  for (const [variant, stats] of Object.entries(STATS)) {
    it(`with ${variant}`, async () => {
      const report = await gradeInProcess(await loadExercise("porting-conventions"), `${stats}\n${SOLUTION}`, "javascript", "submit");
      expect(report.tests.filter((t) => t.status !== "passed").map((t) => `${t.id}: ${t.message}`)).toEqual([]);
      expect(report.score).toBe(1);
    });
  }

  it("the template is not vacuous: the naive E[x²] − μ² variance fails the hidden large-offset test", async () => {
    const report = await gradeInProcess(await loadExercise("porting-conventions"), `${NAIVE}\n${SOLUTION}`, "javascript", "submit");
    expect(report.tests.find((t) => t.id === "large-offset")?.status).not.toBe("passed");
    expect(report.tests.filter((t) => t.status !== "passed").map((t) => t.id)).toEqual(["large-offset"]);
  });
});
