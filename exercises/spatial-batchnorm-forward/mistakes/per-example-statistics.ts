/** Known mistake: statistics per example over all C·H·W values (layer norm over the whole image). */
export const misconception = {
  message:
    "You computed one mean and variance per example, over all of its channels and pixels (C·H·W values). That is layer normalization of the whole image; spatial batch norm keeps channels apart and pools each channel over the batch and the pixels, N·H·W values.",
  lesson: "/lessons/beyond-batchnorm#spatial-batch-norm",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  return x.map((sample) => {
    const values = sample.flat(2);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    const invStd = 1 / Math.sqrt(variance + eps);
    return sample.map((plane, c) => plane.map((row) => row.map((v) => gamma[c] * (v - mean) * invStd + beta[c])));
  });
}
