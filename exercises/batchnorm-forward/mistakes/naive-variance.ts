/** Known mistake: the one-pass variance E[x²] − μ², which cancels catastrophically. */
export const misconception = {
  message:
    "Your variance is computed as E[x²] − μ². That formula is exact on paper but numerically unstable: when the values share a large offset (say 1e8), E[x²] and μ² agree in almost every digit and the subtraction loses the variance entirely (it can even come out negative). Subtract the mean first, then average the squared deviations.",
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
    let squares = 0;
    for (let i = 0; i < n; i++) {
      mean[j] += x[i][j] / n;
      squares += (x[i][j] * x[i][j]) / n;
    }
    variance[j] = squares - mean[j] * mean[j];
  }
  const out = x.map((row) => row.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]));
  return { out, mean, variance };
}
