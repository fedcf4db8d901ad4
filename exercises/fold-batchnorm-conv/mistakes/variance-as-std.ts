/** Known mistake: the running variance used as if it were a standard deviation. */
export const misconception = {
  message:
    "You divided by r_σ² + ε instead of √(r_σ² + ε). runningVar holds a variance; normalization divides by the standard deviation, its square root.",
  lesson: "/lessons/batchnorm-test-time#running-averages",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / (bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((kernel, o) => kernel.map((plane) => plane.map((row) => row.map((w) => scale[o] * w)))),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
