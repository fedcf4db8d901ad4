/**
 * Fold a test-time batch norm into the convolution that feeds it.
 *
 * weight: kernels [Cout][Cin][kh][kw] of the convolution
 * bias:   one entry per output channel [Cout]
 * bn:     the batch-norm layer after it (one entry per OUTPUT channel)
 *
 * Return W' and b' (same shapes) such that BN_test(conv(x; W, b)) = conv(x; W', b')
 * for every input x. Do not modify the inputs.
 */
export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  // TODO: one scale per output channel; it multiplies that channel's whole kernel.
  void bn;
  return {
    weight: weight.map((kernel) => kernel.map((plane) => plane.map((row) => row.map(() => 0)))),
    bias: bias.map(() => 0),
  };
}
