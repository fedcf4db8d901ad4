/** Known mistake: dγ from x instead of x̂. */
export const misconception = {
  message:
    "Your dγ uses the raw input x instead of the normalized x̂. Layer norm computes y = γ·x̂ + β, so ∂y_ij/∂γ_j is x̂_ij.",
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
    let sumGx = 0;
    for (let j = 0; j < d; j++) {
      sumG += g[j];
      sumGx += g[j] * xhat[j];
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * row[j];
    }
    return xhat.map((xh, j) => (d * g[j] - sumG - xh * sumGx) / (d * std));
  });
  return { dx, dgamma, dbeta };
}
