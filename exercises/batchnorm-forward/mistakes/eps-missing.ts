/** Known mistake: ε left out. */
export const misconception = {
  message:
    "You divide by √σ² without adding ε. ε keeps the division finite when a feature has (almost) zero variance, e.g. a constant column or a batch of one: always divide by √(σ² + ε).",
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
  void eps;
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j])) + beta[j]));
  return { out, mean, variance };
}
