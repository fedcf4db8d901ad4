/** Known mistake (γ/(N(σ²+ε)) prefactor). */
export const misconception = {
  message:
    "Your compact dx divides by σ² + ε instead of by its square root. Only one factor 1/√(σ² + ε) survives the simplification: the direct path γ·G/√(σ² + ε) sets the prefactor γ_j/(N·√(σ²_j + ε)); the extra powers of √(σ² + ε) from the variance path are absorbed into x̂.",
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
  const dx = dout.map((row, i) => row.map((g, j) => (gamma[j] / (n * (std[j] * std[j]))) * (n * g - dbeta[j] - xhat[i][j] * dgamma[j])));
  return { dx, dgamma, dbeta };
}
