// Alternative correct solution (JavaScript): a convolution is a dense layer
// whose row o is kernel o flattened, so flatten every kernel, fold as for a
// dense layer (scale row o, shift the bias), and reshape the rows back.
export function foldBatchnormConv(weight, bias, bn) {
  const [cin, kh, kw] = [weight[0].length, weight[0][0].length, weight[0][0][0].length];
  const rows = weight.map((kernel) => kernel.flat(2));
  const std = bn.runningVar.map((v) => Math.sqrt(v + bn.eps));
  const foldedRows = rows.map((row, o) => row.map((w) => (w * bn.gamma[o]) / std[o]));
  const reshape = (flat) =>
    Array.from({ length: cin }, (_, c) => Array.from({ length: kh }, (_, i) => flat.slice((c * kh + i) * kw, (c * kh + i + 1) * kw)));
  return {
    weight: foldedRows.map(reshape),
    bias: bias.map((b, o) => ((b - bn.runningMean[o]) * bn.gamma[o]) / std[o] + bn.beta[o]),
  };
}
