/**
 * Reference solution: fold a test-time (spatial) batch norm into the
 * convolution before it. Output channel o has one scale s_o = γ_o / √(r_σ²_o + ε);
 * every tap of every input channel of its kernel W[o] is multiplied by s_o, and
 * b'_o = s_o·(b_o − r_μ_o) + β_o.
 */
export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((kernel, o) => kernel.map((plane) => plane.map((row) => row.map((w) => scale[o] * w)))),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
