/** Known mistake: ε left out of the backward pass. */
export const misconception = {
  message:
    "Your backward pass divides by √σ² instead of √(σ² + ε). The forward pass normalized with ε inside the square root, so its derivative must use the same √(σ² + ε); without ε every gradient is slightly off, and a constant or nearly constant column blows up.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
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
    const invStd = 1 / Math.sqrt(variance);
    const xhat = x.map((row) => (row[j] - mean) * invStd);
    const dxhat = dout.map((row) => row[j] * gamma[j]);
    let dvar = 0;
    let dmu = 0;
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
      dvar += -0.5 * dxhat[i] * (x[i][j] - mean) * variance ** -1.5;
      dmu += -dxhat[i] * invStd;
    }
    for (let i = 0; i < n; i++) dx[i][j] = dxhat[i] * invStd + (dvar * 2 * (x[i][j] - mean)) / n + dmu / n;
  }
  return { dx, dgamma, dbeta };
}
