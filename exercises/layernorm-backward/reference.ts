/**
 * Reference solution: layer-norm backward pass. Statistics are per example i
 * over its D features; γ and β are per feature. With s_i = √(σ²_i + ε) and
 * g_ij = γ_j G_ij (the gradient arriving at x̂):
 *   dβ_j = Σ_i G_ij,  dγ_j = Σ_i G_ij x̂_ij,
 *   dx_ij = (D g_ij − Σ_k g_ik − x̂_ij Σ_k g_ik x̂_ik) / (D s_i).
 * Unlike batch norm, γ varies along the normalized axis, so it stays inside
 * the row sums instead of factoring out.
 */
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
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => (d * g[j] - sumG - xh * sumGx) / (d * std));
  });
  return { dx, dgamma, dbeta };
}
