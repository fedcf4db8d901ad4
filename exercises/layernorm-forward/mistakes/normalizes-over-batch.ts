/** Known mistake: statistics per feature over the batch — that is batch norm, not layer norm. */
export const misconception = {
  message:
    "You normalized each feature over the batch (down the columns) — that is batch norm. Layer norm computes the mean and variance of each example over its own D features (along the row), so it works the same for a batch of one and at test time.",
  lesson: "/lessons/beyond-batchnorm#layer-norm",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  const n = x.length;
  const d = x[0].length;
  const out = x.map((row) => [...row]);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i][j] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i][j] - mean) ** 2 / n;
    for (let i = 0; i < n; i++) out[i][j] = (gamma[j] * (x[i][j] - mean)) / Math.sqrt(variance + eps) + beta[j];
  }
  return out;
}
