/** Known mistake: dγ and dβ summed across each row (over features) instead of down each column (over the batch). */
export const misconception = {
  message:
    "Your dγ and dβ sum across each row, giving one number per example. γ_j and β_j belong to feature j and are shared by the N rows, so their gradients sum down column j: dβ_j = Σ_i dout_ij and dγ_j = Σ_i dout_ij·x̂_ij, one entry per feature (length D).",
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
  const xhat: number[][] = x.map((row) => row.map(() => 0));
  const dx: number[][] = x.map((row) => row.map(() => 0));
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i][j] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i][j] - mean) ** 2 / n;
    const invStd = 1 / Math.sqrt(variance + eps);
    let sumG = 0;
    let sumGx = 0;
    for (let i = 0; i < n; i++) {
      xhat[i][j] = (x[i][j] - mean) * invStd;
      sumG += dout[i][j];
      sumGx += dout[i][j] * xhat[i][j];
    }
    for (let i = 0; i < n; i++) dx[i][j] = ((gamma[j] * invStd) / n) * (n * dout[i][j] - sumG - xhat[i][j] * sumGx);
  }
  const dbeta = dout.map((row) => row.reduce((s, v) => s + v, 0));
  const dgamma = dout.map((row, i) => row.reduce((s, v, j) => s + v * xhat[i][j], 0));
  return { dx, dgamma, dbeta };
}
