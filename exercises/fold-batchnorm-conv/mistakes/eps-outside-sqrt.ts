/** Known mistake: ε added after the square root of the running variance. */
export const misconception = {
  message:
    "Your scale is γ/(√r_σ² + ε): ε is outside the square root. Test-time batch norm divides by √(r_σ² + ε), and the folded convolution must reproduce it exactly — the difference is large when a running variance is small.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / (Math.sqrt(bn.runningVar[o]) + bn.eps));
  return {
    weight: weight.map((kernel, o) => kernel.map((plane) => plane.map((row) => row.map((w) => scale[o] * w)))),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
