/**
 * Reference solution: batch-norm backward pass (training mode), compact form.
 * Recomputes the forward quantities (μ, σ², x̂) from x, then per feature j:
 *   dβ_j = Σ_i G_ij,  dγ_j = Σ_i G_ij x̂_ij,
 *   dx_ij = γ_j / (N √(σ²_j + ε)) · (N G_ij − dβ_j − x̂_ij dγ_j).
 */
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
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i][j];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i][j] - mean) ** 2;
    const invStd = 1 / Math.sqrt(squares / n + eps);

    const xhat: number[] = [];
    for (let i = 0; i < n; i++) xhat.push((x[i][j] - mean) * invStd);
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
    }
    for (let i = 0; i < n; i++) {
      dx[i][j] = ((gamma[j] * invStd) / n) * (n * dout[i][j] - dbeta[j] - xhat[i] * dgamma[j]);
    }
  }
  return { dx, dgamma, dbeta };
}
