/**
 * Group norm, forward and backward (see the prompt for the exact rules).
 *
 * x:      N×C×H×W activations
 * gamma:  C scale parameters, one per channel
 * beta:   C shift parameters, one per channel
 * groups: G, the number of contiguous channel groups (must divide C)
 * eps:    added to the variance inside the square root
 *
 * Do not modify any argument.
 */
export function groupnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  groups: number,
  eps: number,
): { out: number[][][][]; mean: number[][]; variance: number[][] } {
  // TODO: throw an Error unless groups is a positive integer that divides C.
  // TODO: one mean and one biased variance per (example, group), over the
  // group's (C/G)·H·W values; then normalize, scale by γ_c and shift by β_c.
  const out = x.map((sample) => sample.map((plane) => plane.map((row) => row.map(() => 0))));
  const mean = x.map(() => new Array<number>(groups).fill(0));
  const variance = x.map(() => new Array<number>(groups).fill(0));
  return { out, mean, variance };
}

export function groupnormBackward(
  dout: number[][][][],
  x: number[][][][],
  gamma: number[],
  groups: number,
  eps: number,
): { dx: number[][][][]; dgamma: number[]; dbeta: number[] } {
  // TODO: the same check on groups; recompute the group statistics and x̂,
  // then dβ and dγ per channel and dx per group.
  const dx = x.map((sample) => sample.map((plane) => plane.map((row) => row.map(() => 0))));
  return { dx, dgamma: gamma.map(() => 0), dbeta: gamma.map(() => 0) };
}
