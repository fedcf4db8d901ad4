/** Known mistake: the returned `variance` is σ² + ε. */
export const misconception = {
  message:
    "Your `out` is right, but the `variance` you return already has ε added (σ² + ε). ε belongs only inside the square root of the normalization; the statistic to return is the plain biased batch variance σ².",
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
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i][j] - mean[j]) ** 2;
    variance[j] = squares / n + eps;
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j])) + beta[j]));
  return { out, mean, variance };
}
