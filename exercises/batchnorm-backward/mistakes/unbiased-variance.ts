/** Known mistake: unbiased (N − 1) variance. */
export const misconception = {
  message:
    "Your variance divides by N − 1 (the unbiased estimate). Batch norm normalizes with the biased batch variance (divide by N), and the backward pass must use the same σ² as the forward pass.",
  lesson: "/lessons/fitting-batchnorm#gradient-through-mean-and-variance",
};

export function batchnormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const n = x.length;
  const d = x[0].length;
  const dx: number[][] = x.map((row) => row.map(() => 0));
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i][j] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i][j] - mean) ** 2 / (n - 1);
    const invStd = 1 / Math.sqrt(variance + eps);
    const xhat = x.map((row) => (row[j] - mean) * invStd);
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
    }
    for (let i = 0; i < n; i++) dx[i][j] = ((gamma[j] * invStd) / n) * (n * dout[i][j] - dbeta[j] - xhat[i] * dgamma[j]);
  }
  return { dx, dgamma, dbeta };
}
