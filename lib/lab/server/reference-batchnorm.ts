/**
 * The lab's built-in batch-norm layer, written with the exercises' exports
 * (batchnormForward, batchnormBackward, class BatchNorm) so the worker runs
 * it exactly like a student's own submission. It IS the answer to three
 * exercises: it never goes into a client bundle. The browser gets it only
 * from GET /api/lab/builtin (students who passed all three, instructors),
 * which sends this file compiled; so it must stay self-contained (no imports).
 * Course conventions: biased variance, ε inside the square root.
 */

function batchStatistics(x: number[][]): { mean: number[]; variance: number[] } {
  if (x.length === 0) throw new Error("The lab's built-in batch norm got an empty batch.");
  const n = x.length;
  const d = x[0].length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j] += row[j] / n;
  for (const row of x) for (let j = 0; j < d; j++) variance[j] += (row[j] - mean[j]) ** 2 / n;
  return { mean, variance };
}

export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
  const { mean, variance } = batchStatistics(x);
  const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
  const out = x.map((row) => row.map((v, j) => gamma[j] * (v - mean[j]) * inv[j] + beta[j]));
  return { out, mean, variance };
}

export function batchnormBackward(dout: number[][], x: number[][], gamma: number[], eps: number) {
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
}

/** Only eval mode is used by the lab (training goes through the two functions above). */
export class BatchNorm {
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
  eps: number;
  momentum: number;
  training = true;

  constructor(numFeatures: number, options: { eps?: number; momentum?: number } = {}) {
    this.gamma = new Array<number>(numFeatures).fill(1);
    this.beta = new Array<number>(numFeatures).fill(0);
    this.runningMean = new Array<number>(numFeatures).fill(0);
    this.runningVar = new Array<number>(numFeatures).fill(1);
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.9;
  }

  train(): void {
    this.training = true;
  }

  eval(): void {
    this.training = false;
  }

  forward(x: number[][]): number[][] {
    if (this.training) {
      const { out, mean, variance } = batchnormForward(x, this.gamma, this.beta, this.eps);
      for (let j = 0; j < mean.length; j++) {
        this.runningMean[j] = this.momentum * this.runningMean[j] + (1 - this.momentum) * mean[j];
        this.runningVar[j] = this.momentum * this.runningVar[j] + (1 - this.momentum) * variance[j];
      }
      return out;
    }
    return x.map((row) => row.map((v, j) => (this.gamma[j] * (v - this.runningMean[j])) / Math.sqrt(this.runningVar[j] + this.eps) + this.beta[j]));
  }
}
