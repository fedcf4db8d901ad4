/**
 * Batch norm backward pass (training mode).
 *
 * dout:  N×D upstream gradient ∂L/∂y
 * x:     N×D input that was given to the forward pass
 * gamma: D scale parameters
 * eps:   the ε used in the forward pass (inside the square root)
 *
 * Return the gradients of the loss with respect to x (N×D), γ (D) and β (D).
 * Do not modify dout, x or gamma.
 */
export function batchnormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const n = x.length;
  const d = x[0].length;
  // TODO: recompute the batch mean, the biased variance and x̂ for each feature,
  // then fill in dbeta, dgamma and dx.
  const dx: number[][] = Array.from({ length: n }, () => new Array(d).fill(0));
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  return { dx, dgamma, dbeta };
}
