/**
 * Numerical robustness of the two new backward exercises (the same idea as
 * numerical-robustness.test.ts, whose solution list the lead owns): correct
 * solutions whose statistics use Welford's update, reverse summation or
 * shifted data get full marks, so the hidden 1e8-offset and σ² ≪ ε tests
 * punish wrong formulas, not rounding; and the naive E[x²] − μ² fails them.
 * (gradient-check computes no statistics: its functions come from the
 * grader's catalog.)
 */
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { loadExercise } from "@/grader/content/load-exercise";

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

/** Solutions that get their statistics only from `stats`. */
const SOLUTIONS: Record<string, string> = {
  "batchnorm-backward-compact": `export function batchnormBackwardCompact(dout, x, gamma, eps) {
    const n = x.length, d = gamma.length;
    const dx = x.map((r) => r.map(() => 0)), dgamma = [], dbeta = [];
    for (let j = 0; j < d; j++) {
      const [m, v] = stats(x.map((r) => r[j]));
      const s = Math.sqrt(v + eps);
      const xh = x.map((r) => (r[j] - m) / s);
      let db = 0, dg = 0;
      for (let i = 0; i < n; i++) { db += dout[i][j]; dg += dout[i][j] * xh[i]; }
      dbeta.push(db); dgamma.push(dg);
      for (let i = 0; i < n; i++) dx[i][j] = (gamma[j] / (n * s)) * (n * dout[i][j] - db - xh[i] * dg);
    }
    return { dx, dgamma, dbeta };
  }`,
  "layernorm-backward": `export function layernormBackward(dout, x, gamma, eps) {
    const d = gamma.length, dgamma = gamma.map(() => 0), dbeta = gamma.map(() => 0);
    const dx = x.map((r, i) => {
      const [m, v] = stats(r);
      const s = Math.sqrt(v + eps);
      const xh = r.map((t) => (t - m) / s);
      const g = r.map((_, j) => gamma[j] * dout[i][j]);
      let sg = 0, sgx = 0;
      for (let j = 0; j < d; j++) { sg += g[j]; sgx += g[j] * xh[j]; dbeta[j] += dout[i][j]; dgamma[j] += dout[i][j] * xh[j]; }
      return xh.map((t, j) => (d * g[j] - sg - t * sgx) / (d * s));
    });
    return { dx, dgamma, dbeta };
  }`,
};

describe("backward exercises: numerically different but stable correct solutions get full marks", () => {
  for (const [id, solution] of Object.entries(SOLUTIONS)) {
    for (const [variant, stats] of Object.entries(STATS)) {
      it(`${id} with ${variant}`, async () => {
        const report = await gradeInProcess(await loadExercise(id), `${stats}\n${solution}`, "javascript", "submit");
        expect(report.tests.filter((t) => t.status !== "passed").map((t) => `${t.id}: ${t.message}`)).toEqual([]);
      });
    }
    it(`${id}: the template is not vacuous — the naive E[x²] − μ² variance fails the 1e8-offset test`, async () => {
      const report = await gradeInProcess(await loadExercise(id), `${NAIVE}\n${solution}`, "javascript", "submit");
      expect(report.tests.find((t) => t.id === "large-common-offset")?.status).not.toBe("passed");
    });
  }
});
