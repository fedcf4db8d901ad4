/** Known mistake (E[x²] − μ² variance). */
export const misconception = {
  message:
    "Your compact gradient recomputes σ² as E[x²] − μ². The formula is fine on paper, but with inputs near 1e8 the two huge terms cancel and σ² loses every digit, so x̂, dγ and dx are wrong. Subtract the mean first, then square.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
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
  const variance = mean.map((m, j) => x.reduce((s, row) => s + row[j] * row[j], 0) / n - m * m);
  const std = variance.map((v) => Math.sqrt(v + eps));
  const xhat = x.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
  const dbeta = mean.map((_, j) => dout.reduce((s, row) => s + row[j], 0));
  const dgamma = mean.map((_, j) => dout.reduce((s, row, i) => s + row[j] * xhat[i][j], 0));
  const dx = dout.map((row, i) => row.map((g, j) => (gamma[j] / (n * std[j])) * (n * g - dbeta[j] - xhat[i][j] * dgamma[j])));
  return { dx, dgamma, dbeta };
}
