/**
 * Fold a test-time batch norm into the linear layer that feeds it.
 *
 * weight: out×in matrix W of the linear layer (z = W·x + b)
 * bias:   out-vector b
 * bn:     the batch-norm layer after it (one entry per output unit)
 *
 * Return W' and b' such that BN_test(W·x + b) = W'·x + b' for every x.
 * Do not modify the inputs.
 */
export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  // TODO: write BN_test(z) as a per-unit scale and shift of z, then fold both into W and b.
  void bn;
  return { weight: weight.map((row) => row.map(() => 0)), bias: bias.map(() => 0) };
}
