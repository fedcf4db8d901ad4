/** Known mistake: the bias is shifted but not scaled. */
export const misconception = {
  message:
    "Your folded bias is b − r_μ + β: the shift was applied but not the scale. Batch norm divides the whole centred channel (the convolution's bias included) by √(r_σ² + ε) and multiplies by γ, so b' = s·(b − r_μ) + β.",
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
    bias: bias.map((b, o) => b - bn.runningMean[o] + bn.beta[o]),
  };
}
