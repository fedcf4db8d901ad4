// Alternative correct solution (TypeScript): the compact form written with
// means instead of sums, dx = γ/σ · (G − mean(G) − x̂·mean(G·x̂)), row by row.
export function batchnormBackward(dout: number[][], x: number[][], gamma: number[], eps: number) {
  const n = x.length;
  const d = gamma.length;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j], 0) / n);
  const std = mean.map((m, j) => Math.sqrt(x.reduce((s, row) => s + (row[j] - m) ** 2, 0) / n + eps));
  const xhat = x.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
  const dbeta = mean.map((_, j) => dout.reduce((s, row) => s + row[j], 0));
  const dgamma = mean.map((_, j) => dout.reduce((s, row, i) => s + row[j] * xhat[i][j], 0));
  const dx = dout.map((row, i) =>
    row.map((g, j) => (gamma[j] / std[j]) * (g - dbeta[j] / n - (xhat[i][j] * dgamma[j]) / n)),
  );
  return { dx, dgamma, dbeta };
}
