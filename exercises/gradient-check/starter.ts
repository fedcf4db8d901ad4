/**
 * Your own gradient checker.
 *
 * gradCheck(f, x, dout, h): the centred-difference gradient of
 *   L(x) = Σ_ij f(x)_ij · dout_ij
 * with respect to every entry of x (same shape as x). f maps an N×D matrix to
 * a matrix of dout's shape (not necessarily x's). Do not modify x or dout.
 *
 * relError(a, b): the largest elementwise |a − b| / max(1e-8, |a| + |b|).
 */
export function gradCheck(f: (x: number[][]) => number[][], x: number[][], dout: number[][], h: number): number[][] {
  // TODO: for each entry k of x, evaluate L at x + h·e_k and x − h·e_k.
  return x.map((row) => row.map(() => 0));
}

export function relError(a: number[][], b: number[][]): number {
  // TODO: the worst elementwise relative error, with the 1e-8 floor.
  return 0;
}
