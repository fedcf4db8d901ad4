/** Known mistake: mean and variance treated as constants. */
export const misconception = {
  message:
    "You treated the batch mean and variance as constants: dx = γ·dout/√(σ² + ε). In training mode μ and σ² are computed from x, so every x_ij also changes μ_j and σ²_j; the gradient has to flow through them too (subtract the mean of the gradient and its projection on x̂).",
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
    for (let i = 0; i < n; i++) variance += (x[i][j] - mean) ** 2 / n;
    const invStd = 1 / Math.sqrt(variance + eps);
    const xhat = x.map((row) => (row[j] - mean) * invStd);
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
    }
    for (let i = 0; i < n; i++) dx[i][j] = gamma[j] * invStd * dout[i][j];
  }
  return { dx, dgamma, dbeta };
}
