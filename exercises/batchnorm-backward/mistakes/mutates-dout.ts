/** Known mistake: the upstream gradient is centred in place, modifying the caller's dout. */
export const misconception = {
  message:
    "Your function modified its input dout (it was centred in place). The caller still owns dout and x — other layers use them — so compute into new arrays and never write into the inputs.",
  lesson: "/lessons/normalizing-activations#inputs-are-never-modified",
};

export function batchnormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const n = x.length;
  const d = x[0].length;
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  const dx: number[][] = x.map((row) => row.map(() => 0));
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
    // dx = γ/σ · (G − mean(G) − x̂·mean(G x̂)), written by overwriting dout.
    for (let i = 0; i < n; i++) {
      dout[i][j] = dout[i][j] - dbeta[j] / n - (xhat[i] * dgamma[j]) / n;
      dx[i][j] = gamma[j] * invStd * dout[i][j];
    }
  }
  return { dx, dgamma, dbeta };
}
