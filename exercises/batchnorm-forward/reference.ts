/**
 * Model solution for batchnorm-forward (server only). Two-pass statistics
 * (mean first, then squared deviations) stay accurate for large offsets.
 */
export function batchnormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  eps: number,
): { out: number[][]; mean: number[]; variance: number[] } {
  const n = x.length;
  const d = gamma.length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i][j];
    mean[j] = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i][j] - mean[j]) ** 2;
    variance[j] = squares / n; // biased: divide by N
  }
  const out = x.map((row) =>
    row.map((value, j) => gamma[j] * ((value - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]),
  );
  return { out, mean, variance };
}
