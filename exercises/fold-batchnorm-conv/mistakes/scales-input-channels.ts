/** Known mistake: each kernel is scaled per INPUT channel (the layout read as [Cin][Cout]). */
export const misconception = {
  message:
    "You scaled weight[o][c] by the factor of input channel c. Batch norm after a convolution normalizes its OUTPUT channels, and the first index of weight[o][c][i][j] is the output channel: every tap of kernel weight[o] is multiplied by s_o = γ_o/√(r_σ²_o + ε).",
  lesson: "/lessons/beyond-batchnorm#folding-into-a-convolution",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((kernel) => kernel.map((plane, c) => plane.map((row) => row.map((w) => scale[c] * w)))),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
