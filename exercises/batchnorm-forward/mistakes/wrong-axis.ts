/** Known mistake: statistics per example (row) instead of per feature (column). */
export const misconception = {
  message:
    "Your statistics are computed per example (across a row) instead of per feature (down a column). Batch norm averages each feature over the N examples of the batch: μ and σ² have one entry per feature. (Normalizing each example over its features is layer norm.)",
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
  const mean = new Array<number>(n).fill(0);
  const variance = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mean[i] += x[i][j] / d;
    for (let j = 0; j < d; j++) variance[i] += (x[i][j] - mean[i]) ** 2 / d;
  }
  const out = x.map((row, i) => row.map((v, j) => gamma[j] * ((v - mean[i]) / Math.sqrt(variance[i] + eps)) + beta[j]));
  return { out, mean, variance };
}
