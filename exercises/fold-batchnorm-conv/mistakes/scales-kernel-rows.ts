/** Known mistake: the dense rule "scale row o" applied to the rows of each kernel. */
export const misconception = {
  message:
    "You scaled kernel row i by the factor s_i, as if the dense rule “scale row o of W” meant the rows of each kernel. In a convolution the unit that batch norm normalizes is an output channel: the whole kernel weight[o] — every input channel, every row and column — is multiplied by s_o.",
  lesson: "/lessons/beyond-batchnorm#folding-into-a-convolution",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((kernel) => kernel.map((plane) => plane.map((row, i) => row.map((w) => scale[i] * w)))),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
