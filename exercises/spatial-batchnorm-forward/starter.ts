/**
 * Spatial batch norm (training mode).
 *
 * x:     N×C×H×W activations of a convolutional layer
 * gamma: C scale parameters, one per channel
 * beta:  C shift parameters, one per channel
 * eps:   added to the variance inside the square root
 *
 * Returns the normalized N×C×H×W tensor. Do not modify x.
 */
export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  // TODO: one mean and one (biased) variance per channel, over all N·H·W
  // values of that channel; then normalize, scale by γ_c and shift by β_c.
  return x.map((sample) => sample.map((plane) => plane.map((row) => row.map(() => 0))));
}
