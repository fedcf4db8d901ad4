/** Known mistake: statistics per (example, channel) over H·W only — instance norm, not batch norm. */
export const misconception = {
  message:
    "You computed a separate mean and variance for every image and channel (over H·W only). That is instance normalization; batch norm pools each channel over the whole batch AND all pixels, N·H·W values.",
  lesson: "/lessons/beyond-batchnorm#spatial-batch-norm",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  return x.map((sample) =>
    sample.map((plane, c) => {
      const values = plane.flat();
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      return plane.map((row) => row.map((v) => (gamma[c] * (v - mean)) / Math.sqrt(variance + eps) + beta[c]));
    }),
  );
}
