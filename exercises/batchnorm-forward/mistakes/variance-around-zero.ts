/** Known mistake: variance taken around 0 instead of around the batch mean. */
export const misconception = {
  message:
    "Your variance averages x² instead of (x − μ)²: it measures the spread around 0, not around the batch mean, so it is too large by μ² whenever a feature's mean is not 0. Subtract μ_j before squaring.",
  lesson: "/lessons/normalizing-activations#batch-statistics",
};

export function batchnormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  eps: number,
): { out: number[][]; mean: number[]; variance: number[] } {
  const n = x.length;
  const d = gamma.length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) mean[j] += x[i][j] / n;
    for (let i = 0; i < n; i++) variance[j] += (x[i][j] * x[i][j]) / n;
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]));
  return { out, mean, variance };
}
