/** Known mistake: variance as E[x²] − μ² in the backward pass. */
export const misconception = {
  message:
    "Your gradients recompute σ² as E[x²] − μ². On paper that equals the mean squared deviation, but for inputs sharing a large offset (near 1e8) the two huge terms cancel and σ² loses every digit, so x̂ and all three gradients are wrong. Subtract the mean first, then square, exactly as in the forward pass.",
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
    let squares = 0;
    for (let i = 0; i < n; i++) squares += x[i][j] * x[i][j];
    variance = squares / n - mean * mean;
    const invStd = 1 / Math.sqrt(variance + eps);
    const xhat = x.map((row) => (row[j] - mean) * invStd);
    const dxhat = dout.map((row) => row[j] * gamma[j]);
    let dvar = 0;
    let dmu = 0;
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
      dvar += -0.5 * dxhat[i] * (x[i][j] - mean) * (variance + eps) ** -1.5;
      dmu += -dxhat[i] * invStd;
    }
    for (let i = 0; i < n; i++) dx[i][j] = dxhat[i] * invStd + (dvar * 2 * (x[i][j] - mean)) / n + dmu / n;
  }
  return { dx, dgamma, dbeta };
}
