/** Known mistake: the running mean added to the bias instead of subtracted. */
export const misconception = {
  message:
    "Your folded bias adds the running mean: s·(b + r_μ) + β. Batch norm subtracts the running mean before scaling, so b' = s·(b − r_μ) + β with s = γ/√(r_σ² + ε).",
  lesson: "/lessons/beyond-batchnorm#folding-into-a-convolution",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((kernel, o) => kernel.map((plane) => plane.map((row) => row.map((w) => scale[o] * w)))),
    bias: bias.map((b, o) => scale[o] * (b + bn.runningMean[o]) + bn.beta[o]),
  };
}
