/** Known mistake: the kernels are scaled in place. */
export const misconception = {
  message:
    "Your function scaled the caller's kernels in place and returned them. The original convolution must stay intact (you may want to compare it with the folded one), so build W' as new arrays.",
  lesson: "/lessons/normalizing-activations#inputs-are-never-modified",
};

export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  weight.forEach((kernel, o) => {
    for (const plane of kernel) for (const row of plane) for (let j = 0; j < row.length; j++) row[j] *= scale[o];
  });
  return { weight, bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]) };
}
