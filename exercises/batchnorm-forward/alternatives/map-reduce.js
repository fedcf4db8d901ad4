// Column-wise map/reduce, multiplying by 1/σ instead of dividing: a correct
// solution shaped differently from the reference.
export function batchnormForward(x, gamma, beta, eps) {
  const n = x.length;
  const columns = gamma.map((_, j) => x.map((row) => row[j]));
  const mean = columns.map((col) => col.reduce((a, b) => a + b, 0) / n);
  const variance = columns.map((col, j) => col.map((v) => (v - mean[j]) ** 2).reduce((a, b) => a + b, 0) / n);
  const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
  return { out: x.map((row) => row.map((v, j) => gamma[j] * (v - mean[j]) * inv[j] + beta[j])), mean, variance };
}
