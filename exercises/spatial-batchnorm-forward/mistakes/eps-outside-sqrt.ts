/** Known mistake: ε added outside the square root. */
export const misconception = {
  message:
    "You divide by √σ² + ε instead of √(σ² + ε): ε belongs inside the square root. The outputs differ by a few parts per million on ordinary data and by a large factor when a channel is (nearly) constant.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  const channels = x[0].length;
  const stats = Array.from({ length: channels }, (_, c) => {
    const values = x.flatMap((sample) => sample[c].flat());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    return { mean, std: Math.sqrt(variance) };
  });
  return x.map((sample) =>
    sample.map((plane, c) => plane.map((row) => row.map((v) => (gamma[c] * (v - stats[c].mean)) / (stats[c].std + eps) + beta[c]))),
  );
}
