/**
 * Correct solutions whose statistics are computed in numerically different
 * but stable ways (Welford's online update, reverse summation, shifting the
 * data by its first value), and the naive E[x²] − μ² that must fail. Shared by
 * the robustness tests (which grade each pairing) and
 * scripts/measure/numerical-margins.ts (which measures, across many grading
 * seeds, how far inside the tolerance they stay). Each solution gets its
 * statistics only from `stats(values) → [mean, biased variance]`; a variant is
 * spliced in front of it, in JavaScript.
 */

/** Each defines `stats(values) → [mean, biased variance]`. */
export const STATS: Record<string, string> = {
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

/** E[x²] − μ²: cancels catastrophically near 1e8, so the large-offset tests must fail it. */
export const NAIVE = `function stats(a) {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return [m, a.reduce((s, v) => s + v * v, 0) / a.length - m * m];
}`;

/** Solutions that get their statistics only from `stats`, by exercise id. */
export const SOLUTIONS: Record<string, string> = {
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
  "porting-conventions": `export class PyTorchPort {
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
}`,
};
