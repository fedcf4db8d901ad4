// Alternative correct solution (JavaScript): layer norm is batch norm of the
// transposed input (without γ, β), transposed back, then γ and β per feature.
const transpose = (m) => m[0].map((_, j) => m.map((row) => row[j]));

function standardizeColumns(m, eps) {
  const n = m.length;
  const mean = m[0].map((_, j) => m.reduce((s, r) => s + r[j], 0) / n);
  const std = mean.map((mu, j) => Math.sqrt(m.reduce((s, r) => s + (r[j] - mu) ** 2, 0) / n + eps));
  return m.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
}

export function layernormForward(x, gamma, beta, eps) {
  return transpose(standardizeColumns(transpose(x), eps)).map((row) => row.map((v, j) => gamma[j] * v + beta[j]));
}
