/** Known mistake: γ factored out of the row sums. */
export const misconception = {
  message:
    "You copied batch norm's compact form and pulled γ out of the sums: γ_j/(D·s_i)·(D·G_ij − Σ_k G_ik − x̂_ij Σ_k G_ik x̂_ik). In batch norm the sums run down a column, where γ_j is constant; in layer norm they run across a row, where γ changes with every feature. Sum the gradient arriving at x̂, γ_k·G_ik, instead.",
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
    const g = dout[i].map((G, j) => G);
    let sumG = 0;
    let sumGx = 0;
    for (let j = 0; j < d; j++) {
      sumG += g[j];
      sumGx += g[j] * xhat[j];
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => (gamma[j] * (d * dout[i][j] - sumG - xh * sumGx)) / (d * std));
  });
  return { dx, dgamma, dbeta };
}
