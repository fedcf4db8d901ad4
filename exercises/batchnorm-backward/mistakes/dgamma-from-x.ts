/** Known mistake: dγ computed from x instead of x̂. */
export const misconception = {
  message:
    "Your dγ uses the raw input x instead of the normalized x̂. The forward pass computes y = γ·x̂ + β, so ∂y/∂γ is x̂, not x.",
  lesson: "/lessons/fitting-batchnorm#gradients-of-gamma-and-beta",
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
    let dgammaHat = 0;
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * x[i][j];
      dgammaHat += dout[i][j] * xhat[i];
    }
    for (let i = 0; i < n; i++) dx[i][j] = ((gamma[j] * invStd) / n) * (n * dout[i][j] - dbeta[j] - xhat[i] * dgammaHat);
  }
  return { dx, dgamma, dbeta };
}
