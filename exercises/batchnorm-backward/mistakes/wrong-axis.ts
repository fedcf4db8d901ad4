/** Known mistake: statistics over the wrong axis (per example, like layer norm). */
export const misconception = {
  message:
    "Your statistics are computed per example (across a row) instead of per feature (down a column, over the batch). Batch norm's μ_j and σ²_j are averages over the N examples of feature j.",
  lesson: "/lessons/fitting-batchnorm#backward-pass",
};

export function batchnormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const d = x[0].length;
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  const dx = x.map((row, i) => {
    const mean = row.reduce((s, v) => s + v, 0) / d;
    const invStd = 1 / Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / d + eps);
    const xhat = row.map((v) => (v - mean) * invStd);
    const g = dout[i].map((v, j) => v * gamma[j]);
    const sumG = g.reduce((s, v) => s + v, 0);
    const sumGx = g.reduce((s, v, j) => s + v * xhat[j], 0);
    for (let j = 0; j < d; j++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => (invStd / d) * (d * g[j] - sumG - xh * sumGx));
  });
  return { dx, dgamma, dbeta };
}
