/**
 * Reference solution: layer normalization. Each example (row) is normalized
 * with the mean and biased variance of its own D features; γ and β are per
 * feature. No batch statistics, so train and test behave the same.
 */
export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row) => {
    const d = row.length;
    const mean = row.reduce((sum, v) => sum + v, 0) / d;
    const variance = row.reduce((sum, v) => sum + (v - mean) ** 2, 0) / d;
    const invStd = 1 / Math.sqrt(variance + eps);
    return row.map((v, j) => gamma[j] * (v - mean) * invStd + beta[j]);
  });
}
