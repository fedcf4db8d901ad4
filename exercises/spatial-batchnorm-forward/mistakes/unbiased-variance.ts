/** Known mistake: the channel variance divides by N·H·W − 1. */
export const misconception = {
  message:
    "Your channel variance divides by (N·H·W − 1), the unbiased estimate. Batch norm normalizes with the biased variance: divide by the number of values, N·H·W.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  return x.map((sample) =>
    sample.map((plane, c) => {
      const values: number[] = [];
      for (let i = 0; i < x.length; i++) for (const row of x[i][c]) values.push(...row);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
      return plane.map((row) => row.map((v) => (gamma[c] * (v - mean)) / Math.sqrt(variance + eps) + beta[c]));
    }),
  );
}
