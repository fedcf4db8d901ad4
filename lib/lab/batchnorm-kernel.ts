/**
 * The batch-norm layer as the network sees it: the three operations of the
 * course's exercises (training-mode forward, backward, test-time inference),
 * with the exercises' signatures, so a student's own submission can be dropped
 * in (student-kernel.ts) in place of the lab's built-in one below.
 */
import type { Matrix } from "./matrix";

export interface ForwardResult {
  out: Matrix;
  mean: number[];
  variance: number[];
}

export interface BackwardResult {
  dx: Matrix;
  dgamma: number[];
  dbeta: number[];
}

export interface InferenceState {
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
  eps: number;
}

export interface BatchNormKernel {
  /** Training mode: normalise with the batch's own statistics. */
  forward(x: Matrix, gamma: number[], beta: number[], eps: number): ForwardResult;
  backward(dout: Matrix, x: Matrix, gamma: number[], eps: number): BackwardResult;
  /** Evaluation mode: normalise with the running averages; changes nothing. */
  inference(x: Matrix, state: InferenceState): Matrix;
}

function batchStatistics(x: Matrix): { mean: number[]; variance: number[] } {
  const n = x.length;
  const d = x[0].length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j] += row[j] / n;
  for (const row of x) for (let j = 0; j < d; j++) variance[j] += (row[j] - mean[j]) ** 2 / n;
  return { mean, variance };
}

/** The lab's own layer (course conventions: biased variance, ε inside the root). */
export const builtInBatchNorm: BatchNormKernel = {
  forward(x, gamma, beta, eps) {
    const { mean, variance } = batchStatistics(x);
    const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
    const out = x.map((row) => row.map((v, j) => gamma[j] * (v - mean[j]) * inv[j] + beta[j]));
    return { out, mean, variance };
  },
  backward(dout, x, gamma, eps) {
    const n = x.length;
    const { mean, variance } = batchStatistics(x);
    const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
    const xhat = x.map((row) => row.map((v, j) => (v - mean[j]) * inv[j]));
    const d = gamma.length;
    const dbeta = new Array<number>(d).fill(0);
    const dgamma = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        dbeta[j] += dout[i][j];
        dgamma[j] += dout[i][j] * xhat[i][j];
      }
    }
    const dx = dout.map((row, i) => row.map((g, j) => ((gamma[j] * inv[j]) / n) * (n * g - dbeta[j] - xhat[i][j] * dgamma[j])));
    return { dx, dgamma, dbeta };
  },
  inference(x, s) {
    return x.map((row) => row.map((v, j) => (s.gamma[j] * (v - s.runningMean[j])) / Math.sqrt(s.runningVar[j] + s.eps) + s.beta[j]));
  },
};
