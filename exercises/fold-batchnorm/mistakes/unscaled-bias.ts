/** Known mistake: the bias is shifted but not scaled. */
export const misconception = {
  message:
    "Your folded bias is b − r_μ + β: the shift was applied but not the scale. Batch norm divides the whole centred pre-activation (including the bias) by √(r_σ² + ε) and multiplies by γ, so b' = s·(b − r_μ) + β.",
  lesson: "/lessons/beyond-batchnorm#folding-batch-norm",
};

export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((row, o) => row.map((w) => scale[o] * w)),
    bias: bias.map((b, o) => b - bn.runningMean[o] + bn.beta[o]),
  };
}
