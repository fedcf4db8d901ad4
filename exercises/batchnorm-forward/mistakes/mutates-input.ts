/** Known mistake: the input is centred in place. */
export const misconception = {
  message:
    "Your function modified its input x (it subtracted the mean in place). The caller still owns x — the backward pass needs the original values — so compute into new arrays and never write into x, gamma or beta.",
  lesson: "/lessons/normalizing-activations#inputs-are-never-modified",
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
    for (let i = 0; i < n; i++) x[i][j] -= mean[j];
    for (let i = 0; i < n; i++) variance[j] += x[i][j] ** 2 / n;
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * (v / Math.sqrt(variance[j] + eps)) + beta[j]));
  return { out, mean, variance };
}
