/** Known mistake: statistics per (channel, pixel) over the batch only. */
export const misconception = {
  message:
    "You normalized every pixel position separately (statistics over the N images only). Spatial batch norm shares one mean and variance per channel across all N·H·W positions — a convolution's filter is the same everywhere in the image, so its normalization should be too.",
  lesson: "/lessons/beyond-batchnorm#spatial-batch-norm",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  const n = x.length;
  return x.map((sample) =>
    sample.map((plane, c) =>
      plane.map((row, hi) =>
        row.map((v, wi) => {
          const column = x.map((s) => s[c][hi][wi]);
          const mean = column.reduce((a, b) => a + b, 0) / n;
          const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
          return (gamma[c] * (v - mean)) / Math.sqrt(variance + eps) + beta[c];
        }),
      ),
    ),
  );
}
