/** Known mistake: the weight matrix is scaled in place. */
export const misconception = {
  message:
    "Your function scaled the caller's weight matrix in place and returned it. The original layer must stay intact (you may want to compare it with the folded one), so build W' as a new array.",
  lesson: "/lessons/normalizing-activations#inputs-are-never-modified",
};

export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  weight.forEach((row, o) => {
    for (let k = 0; k < row.length; k++) row[k] *= scale[o];
  });
  return { weight, bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]) };
}
