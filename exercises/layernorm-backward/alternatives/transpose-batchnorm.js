// Alternative correct solution (JavaScript): layer norm of x is batch norm of
// xᵀ with γ = 1, followed by the per-feature scale γ. So the gradient at x̂ is
// γ⊙G, and dx is batch norm's compact backward applied to the transposes.
function batchnormDx(g, x, eps) {
  const n = x.length;
  const d = x[0].length;
  const dx = x.map((row) => row.map(() => 0));
  for (let j = 0; j < d; j++) {
    const mu = x.reduce((s, r) => s + r[j], 0) / n;
    const std = Math.sqrt(x.reduce((s, r) => s + (r[j] - mu) ** 2, 0) / n + eps);
    const xhat = x.map((r) => (r[j] - mu) / std);
    const sumG = g.reduce((s, r) => s + r[j], 0);
    const sumGx = g.reduce((s, r, i) => s + r[j] * xhat[i], 0);
    for (let i = 0; i < n; i++) dx[i][j] = (n * g[i][j] - sumG - xhat[i] * sumGx) / (n * std);
  }
  return dx;
}

const transpose = (m) => m[0].map((_, j) => m.map((row) => row[j]));

export function layernormBackward(dout, x, gamma, eps) {
  const scaled = dout.map((row) => row.map((g, j) => gamma[j] * g));
  const dx = transpose(batchnormDx(transpose(scaled), transpose(x), eps));
  const dgamma = gamma.map((_, j) =>
    x.reduce((s, row, i) => {
      const mu = row.reduce((a, v) => a + v, 0) / row.length;
      const std = Math.sqrt(row.reduce((a, v) => a + (v - mu) ** 2, 0) / row.length + eps);
      return s + (dout[i][j] * (row[j] - mu)) / std;
    }, 0),
  );
  const dbeta = gamma.map((_, j) => dout.reduce((s, row) => s + row[j], 0));
  return { dx, dgamma, dbeta };
}
