/**
 * Correct solutions that compute the statistics in a numerically different but
 * stable way (Welford's online update, summing in reverse order, shifting the
 * data by its first value) must still get full marks: the hidden hard-input
 * tests (offset 1e8, σ² ≪ ε, constant columns) have to separate WRONG formulas
 * from right ones, not punish harmless rounding differences. Each variant is
 * spliced into the same solution template, in JavaScript.
 */
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";

/** Only exercises the course still has: removing one must not break this file. */
const present = new Set(await listExerciseFolders());

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

/** Solutions that get their statistics only from `stats`. */
const SOLUTIONS: Record<string, string> = {
  "batchnorm-forward": `export function batchnormForward(x, gamma, beta, eps) {
    const st = gamma.map((_, j) => stats(x.map((r) => r[j])));
    const mean = st.map((s) => s[0]), variance = st.map((s) => s[1]);
    const out = x.map((r) => r.map((v, j) => (gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + eps) + beta[j]));
    return { out, mean, variance };
  }`,
  "batchnorm-backward": `export function batchnormBackward(dout, x, gamma, eps) {
    const n = x.length, d = x[0].length;
    const dx = x.map((r) => r.map(() => 0)), dgamma = [], dbeta = [];
    for (let j = 0; j < d; j++) {
      const [m, v] = stats(x.map((r) => r[j]));
      const is = 1 / Math.sqrt(v + eps);
      const xh = x.map((r) => (r[j] - m) * is);
      let db = 0, dg = 0;
      for (let i = 0; i < n; i++) { db += dout[i][j]; dg += dout[i][j] * xh[i]; }
      dbeta.push(db); dgamma.push(dg);
      for (let i = 0; i < n; i++) dx[i][j] = (gamma[j] * is / n) * (n * dout[i][j] - db - xh[i] * dg);
    }
    return { dx, dgamma, dbeta };
  }`,
  "batchnorm-inference": `export class BatchNorm {
    constructor(n, o = {}) {
      this.eps = o.eps ?? 1e-5; this.m = o.momentum ?? 0.9;
      this.gamma = Array(n).fill(1); this.beta = Array(n).fill(0);
      this.runningMean = Array(n).fill(0); this.runningVar = Array(n).fill(1); this.training = true;
    }
    train() { this.training = true; }
    eval() { this.training = false; }
    forward(x) {
      let mean = this.runningMean, vr = this.runningVar;
      if (this.training) {
        const st = this.gamma.map((_, j) => stats(x.map((r) => r[j])));
        mean = st.map((s) => s[0]); vr = st.map((s) => s[1]);
        this.runningMean = this.runningMean.map((r, j) => this.m * r + (1 - this.m) * mean[j]);
        this.runningVar = this.runningVar.map((r, j) => this.m * r + (1 - this.m) * vr[j]);
      }
      return x.map((r) => r.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(vr[j] + this.eps) + this.beta[j]));
    }
  }`,
  "spatial-batchnorm-forward": `export function spatialBatchnormForward(x, gamma, beta, eps) {
    const st = gamma.map((_, c) => stats(x.flatMap((s) => s[c].flat())));
    return x.map((s) => s.map((p, c) => p.map((r) => r.map((v) => (gamma[c] * (v - st[c][0])) / Math.sqrt(st[c][1] + eps) + beta[c]))));
  }`,
  "layernorm-forward": `export function layernormForward(x, gamma, beta, eps) {
    return x.map((r) => { const [m, v] = stats(r); return r.map((t, j) => (gamma[j] * (t - m)) / Math.sqrt(v + eps) + beta[j]); });
  }`,
};

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

  it.skipIf(!present.has("layernorm-forward"))("the template itself is not vacuous: the naive E[x²] − μ² variance fails a hidden test", async () => {
    const naive = `function stats(a) {
      const m = a.reduce((s, v) => s + v, 0) / a.length;
      return [m, a.reduce((s, v) => s + v * v, 0) / a.length - m * m];
    }`;
    const exercise = await loadExercise("layernorm-forward");
    const report = await gradeInProcess(exercise, `${naive}\n${SOLUTIONS["layernorm-forward"]}`, "javascript", "submit");
    expect(report.tests.find((t) => t.id === "large-common-offset")?.status).not.toBe("passed");
  });

  it.skipIf(!present.has("batchnorm-forward"))("the batchnorm-forward template is not vacuous: the naive variance fails its hidden large-offset test", async () => {
    const naive = `function stats(a) {
      const m = a.reduce((s, v) => s + v, 0) / a.length;
      return [m, a.reduce((s, v) => s + v * v, 0) / a.length - m * m];
    }`;
    const exercise = await loadExercise("batchnorm-forward");
    const report = await gradeInProcess(exercise, `${naive}\n${SOLUTIONS["batchnorm-forward"]}`, "javascript", "submit");
    expect(report.tests.find((t) => t.id === "large-offset")?.status).not.toBe("passed");
  });
});
