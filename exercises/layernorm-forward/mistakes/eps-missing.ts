/** Known mistake: ε left out of layer norm. */
export const misconception = {
  message:
    "You divide by √σ² without ε. Layer norm uses the same √(σ² + ε) as batch norm: without ε a constant example divides 0 by 0, and every other output is off by a few parts per million.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], _eps: number): number[][] {
  return x.map((row) => {
    const d = row.length;
    const mean = row.reduce((sum, v) => sum + v, 0) / d;
    const variance = row.reduce((sum, v) => sum + (v - mean) ** 2, 0) / d;
    const invStd = 1 / Math.sqrt(variance);
    return row.map((v, j) => gamma[j] * (v - mean) * invStd + beta[j]);
  });
}
