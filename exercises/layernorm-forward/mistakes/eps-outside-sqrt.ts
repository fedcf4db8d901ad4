/** Known mistake: ε added after the square root. */
export const misconception = {
  message:
    "Your ε is outside the square root: (x − μ)/(√σ² + ε). The convention is (x − μ)/√(σ² + ε); the two differ most when an example's variance is small compared with ε.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row) => {
    const d = row.length;
    const mean = row.reduce((s, v) => s + v, 0) / d;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / d;
    return row.map((v, j) => (gamma[j] * (v - mean)) / (Math.sqrt(variance) + eps) + beta[j]);
  });
}
