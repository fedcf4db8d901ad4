/** Known mistake (the N on G_ij dropped). */
export const misconception = {
  message:
    "Your compact dx drops the factor N on the upstream gradient: γ/(N·s)·(G − dβ − x̂·dγ). Pulling 1/N out of the bracket means every term inside must be multiplied by N first; the direct path is γ·G/s, so inside the bracket it reads N·G_ij.",
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
  const dx = dout.map((row, i) => row.map((g, j) => (gamma[j] / (n * std[j])) * (g - dbeta[j] - xhat[i][j] * dgamma[j])));
  return { dx, dgamma, dbeta };
}
