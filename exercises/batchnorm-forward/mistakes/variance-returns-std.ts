/** Known mistake: the returned `variance` is the standard deviation √σ². */
export const misconception = {
  message:
    "Your `out` is right, but the `variance` you return is the standard deviation √σ², not the variance σ². Return the biased batch variance itself (before adding ε or taking the root).",
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
  const std = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) mean[j] += x[i][j] / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i][j] - mean[j]) ** 2;
    std[j] = Math.sqrt(squares / n);
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(std[j] ** 2 + eps)) + beta[j]));
  return { out, mean, variance: std };
}
