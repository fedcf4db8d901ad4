/** Known mistake: the variance path dropped. */
export const misconception = {
  message:
    "Your dx is missing the path through the example's variance: the term −x̂_ij Σ_k γ_k G_ik x̂_ik. Moving x_ij changes σ²_i, which rescales every x̂ in row i.",
  lesson: "/lessons/beyond-batchnorm#layer-norm-backward",
};

export function layernormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const d = gamma.length;
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  const dx = x.map((row, i) => {
    const mean = row.reduce((s, v) => s + v, 0) / d;
    const std = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / d + eps);
    const xhat = row.map((v) => (v - mean) / std);
    const g = dout[i].map((G, j) => gamma[j] * G);
    let sumG = 0;
    for (let j = 0; j < d; j++) {
      sumG += g[j];
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => (d * g[j] - sumG) / (d * std));
  });
  return { dx, dgamma, dbeta };
}
