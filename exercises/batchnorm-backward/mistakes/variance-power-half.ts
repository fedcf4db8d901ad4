/** Known mistake: (σ² + ε)^(−1/2) where (σ² + ε)^(−3/2) belongs in ∂L/∂σ². */
export const misconception = {
  message:
    "Your ∂L/∂σ² uses (σ² + ε)^(−1/2). Differentiating (σ² + ε)^(−1/2) with respect to σ² gives −½(σ² + ε)^(−3/2): the power drops by one, to −3/2. As written, the variance path is off by a factor σ² + ε.",
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
    for (let i = 0; i < n; i++) mean += x[i][j];
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i][j] - mean) ** 2;
    variance /= n;
    const invStd = 1 / Math.sqrt(variance + eps);
    const xhat = x.map((row) => (row[j] - mean) * invStd);
    const dxhat = dout.map((row) => row[j] * gamma[j]);
    let dvar = 0;
    let dmu = 0;
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
      dvar += -0.5 * dxhat[i] * (x[i][j] - mean) * (variance + eps) ** -0.5;
      dmu += -dxhat[i] * invStd;
    }
    for (let i = 0; i < n; i++) dx[i][j] = dxhat[i] * invStd + (dvar * 2 * (x[i][j] - mean)) / n + dmu / n;
  }
  return { dx, dgamma, dbeta };
}
