/** Known mistake: μ and σ² treated as constants. */
export const misconception = {
  message:
    "You treated each example's mean and variance as constants: dx = γ·G/√(σ²_i + ε). They are computed from the same row of x, so every x_ij also moves μ_i and σ²_i; subtract the row's mean gradient and its component along x̂.",
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
    for (let j = 0; j < d; j++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => g[j] / std);
  });
  return { dx, dgamma, dbeta };
}
