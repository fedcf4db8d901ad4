/** Known mistake: the unbiased (N − 1) variance. */
export const misconception = {
  message:
    "Your variance divides by N − 1 (the unbiased estimate). Batch norm normalizes with the biased batch variance: the mean of squared deviations, divided by N.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
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
    for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2 / (n - 1);
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]));
  return { out, mean, variance };
}
