/** Known mistake: a hard-coded ε = 1e-5 instead of the `eps` argument. */
export const misconception = {
  message:
    "You used a fixed ε = 1e-5 instead of the `eps` argument. Your output is right only when the caller passes 1e-5; use the value you are given, inside the square root.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function batchnormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  _eps: number,
): { out: number[][]; mean: number[]; variance: number[] } {
  const eps = 1e-5;
  const n = x.length;
  const d = gamma.length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) mean[j] += x[i][j] / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i][j] - mean[j]) ** 2;
    variance[j] = squares / n;
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]));
  return { out, mean, variance };
}
