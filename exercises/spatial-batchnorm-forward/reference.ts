/**
 * Reference solution: spatial batch norm (training mode) for an N×C×H×W input.
 * Each channel c has one mean and one biased variance over all N·H·W values of
 * that channel, and one γ_c and β_c.
 */
export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  const channels = x[0].length;
  const mean: number[] = new Array(channels).fill(0);
  const variance: number[] = new Array(channels).fill(0);
  let count = 0;
  for (const sample of x) {
    count += sample[0].length * sample[0][0].length;
    sample.forEach((plane, c) => {
      for (const row of plane) for (const v of row) mean[c] += v;
    });
  }
  for (let c = 0; c < channels; c++) mean[c] /= count;
  for (const sample of x) {
    sample.forEach((plane, c) => {
      for (const row of plane) for (const v of row) variance[c] += (v - mean[c]) ** 2;
    });
  }
  const invStd = variance.map((s) => 1 / Math.sqrt(s / count + eps));
  return x.map((sample) =>
    sample.map((plane, c) => plane.map((row) => row.map((v) => gamma[c] * (v - mean[c]) * invStd[c] + beta[c]))),
  );
}
