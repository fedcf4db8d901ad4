/** Known mistake ((x − μ) where x̂ belongs). */
export const misconception = {
  message:
    "Your compact dx multiplies dγ by the centred input x_ij − μ_j instead of the normalized x̂_ij. Both the variance term and dγ itself are written with x̂ = (x − μ)/√(σ² + ε); mixing in the unnormalized x − μ leaves a stray factor √(σ² + ε).",
  lesson: "/lessons/fitting-batchnorm#the-compact-backward-pass",
};

export function batchnormBackwardCompact(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const n = x.length;
  const d = gamma.length;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j], 0) / n);
  const variance = mean.map((m, j) => x.reduce((s, row) => s + (row[j] - m) ** 2, 0) / n);
  const std = variance.map((v) => Math.sqrt(v + eps));
  const xhat = x.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
  const dbeta = mean.map((_, j) => dout.reduce((s, row) => s + row[j], 0));
  const dgamma = mean.map((_, j) => dout.reduce((s, row, i) => s + row[j] * xhat[i][j], 0));
  const dx = dout.map((row, i) => row.map((g, j) => (gamma[j] / (n * std[j])) * (n * g - dbeta[j] - (x[i][j] - mean[j]) * dgamma[j])));
  return { dx, dgamma, dbeta };
}
