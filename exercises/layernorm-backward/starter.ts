/**
 * Layer norm backward pass.
 *
 * dout:  N×D upstream gradient ∂L/∂y
 * x:     N×D input that was given to the forward pass
 * gamma: D scale parameters (per feature)
 * eps:   the ε used in the forward pass (inside the square root)
 *
 * Statistics are per example (across a row). Return the gradients with
 * respect to x (N×D), γ (D) and β (D). Do not modify dout, x or gamma.
 */
export function layernormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const n = x.length;
  const d = gamma.length;
  // TODO: recompute each row's mean, biased variance and x̂, then fill in
  // dbeta and dgamma (sums over the examples) and dx (per row).
  const dx: number[][] = Array.from({ length: n }, () => new Array(d).fill(0));
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  return { dx, dgamma, dbeta };
}
