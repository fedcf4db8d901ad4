/** Known mistake: each example's variance divides by D − 1. */
export const misconception = {
  message:
    "Your variance divides by D − 1 (the unbiased estimate). Layer norm, like batch norm, uses the biased variance: divide by the number of values averaged, D.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row) => {
    const d = row.length;
    const mean = row.reduce((s, v) => s + v, 0) / d;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / (d - 1);
    return row.map((v, j) => (gamma[j] * (v - mean)) / Math.sqrt(variance + eps) + beta[j]);
  });
}
