/**
 * Batch norm forward pass, training mode.
 *
 * x:     N×D batch (N examples, D features), row-major
 * gamma: D scales, beta: D shifts, eps: added to the variance inside the square root
 *
 * Return the normalized, scaled and shifted batch `out` (N×D) and the batch
 * statistics `mean` and `variance` (D each). Do not modify the inputs.
 */
export function batchnormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  eps: number,
): { out: number[][]; mean: number[]; variance: number[] } {
  const d = gamma.length;
  const mean: number[] = new Array(d).fill(0);
  const variance: number[] = new Array(d).fill(1);
  // TODO: compute the per-feature mean and (biased) variance over the batch,
  // normalize each column, then scale by gamma and shift by beta.
  const out = x.map((row) => row.map((value) => value));
  return { out, mean, variance };
}
