/** Known mistake: ε added after the square root. */
export const misconception = {
  message:
    "You divide by √σ² + ε, with ε outside the square root. The course (and the original paper) divide by √(σ² + ε): ε is added to the variance, inside the root. The difference is small on typical data but large when σ² is tiny.",
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
    for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2 / n;
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / (Math.sqrt(variance[j]) + eps)) + beta[j]));
  return { out, mean, variance };
}
