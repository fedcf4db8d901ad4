/** Known mistake: each input column is scaled instead of each output row. */
export const misconception = {
  message:
    "You scaled the columns of W (one factor per input) instead of its rows. Batch norm's γ, β and running statistics belong to the layer's OUTPUT units, so output unit o's whole row of W is multiplied by s_o.",
  lesson: "/lessons/beyond-batchnorm#folding-batch-norm",
};

export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((row) => row.map((w, k) => scale[k] * w)),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
