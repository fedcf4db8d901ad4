// Alternative correct solution (TypeScript): the staged chain rule through
// x̂, σ² and μ instead of the compact formula, written with map/reduce.
export function batchnormBackwardCompact(dout: number[][], x: number[][], gamma: number[], eps: number) {
  const n = x.length;
  const cols = x[0].map((_, j) => x.map((row) => row[j]));
  const g = cols.map((_, j) => dout.map((row) => row[j]));
  const stats = cols.map((col) => {
    const mu = col.reduce((a, b) => a + b, 0) / n;
    const v = col.reduce((a, b) => a + (b - mu) * (b - mu), 0) / n;
    return { mu, v, std: Math.sqrt(v + eps) };
  });
  const dbeta = g.map((col) => col.reduce((a, b) => a + b, 0));
  const dgamma = g.map((col, j) => col.reduce((a, gij, i) => a + (gij * (cols[j][i] - stats[j].mu)) / stats[j].std, 0));
  const dxCols = cols.map((col, j) => {
    const { mu, v, std } = stats[j];
    const dxhat = g[j].map((gij) => gij * gamma[j]);
    const dvar = dxhat.reduce((a, d, i) => a + d * (col[i] - mu), 0) * -0.5 * (v + eps) ** -1.5;
    const dmu = dxhat.reduce((a, d) => a - d / std, 0);
    return col.map((xij, i) => dxhat[i] / std + (dvar * 2 * (xij - mu)) / n + dmu / n);
  });
  const dx = x.map((row, i) => row.map((_, j) => dxCols[j][i]));
  return { dx, dgamma, dbeta };
}
