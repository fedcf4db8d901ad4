/** Known mistake: the convolution's own bias is dropped from b'. */
export const misconception = {
  message:
    "Your folded bias drops the convolution's own bias b: b' = β − s·r_μ. Batch norm sees z = conv(x; W) + b, so b is shifted and scaled with the rest: b' = s·(b − r_μ) + β.",
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
    bias: bias.map((_, o) => bn.beta[o] - scale[o] * bn.runningMean[o]),
  };
}
