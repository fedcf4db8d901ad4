/** Known mistake: variance as E[x²] − μ² in layer norm. */
export const misconception = {
  message:
    "Your variance is computed as E[x²] − μ² over the features of each example. For rows sharing a large offset (near 1e8) the two terms agree in almost every digit and the subtraction destroys the variance. Subtract the row mean first, then average the squared deviations.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row) => {
    const d = row.length;
    const mean = row.reduce((sum, v) => sum + v, 0) / d;
    const variance = row.reduce((sum, v) => sum + v * v, 0) / d - mean * mean;
    const invStd = 1 / Math.sqrt(variance + eps);
    return row.map((v, j) => gamma[j] * (v - mean) * invStd + beta[j]);
  });
}
