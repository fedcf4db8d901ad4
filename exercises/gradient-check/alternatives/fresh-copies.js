// Alternative correct solution (JavaScript): a fresh copy of x for every
// evaluation, the loss with reduce, and relError over flattened matrices.
const lossAt = (f, v, dout) => f(v).reduce((s, row, i) => s + row.reduce((t, y, j) => t + y * dout[i][j], 0), 0);

const shifted = (x, i, j, delta) => x.map((row, r) => row.map((v, c) => (r === i && c === j ? v + delta : v)));

export function gradCheck(f, x, dout, h) {
  return x.map((row, i) => row.map((_, j) => (lossAt(f, shifted(x, i, j, h), dout) - lossAt(f, shifted(x, i, j, -h), dout)) / (2 * h)));
}

export function relError(a, b) {
  const fa = a.flat();
  const fb = b.flat();
  return Math.max(0, ...fa.map((v, k) => Math.abs(v - fb[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(fb[k]))));
}
