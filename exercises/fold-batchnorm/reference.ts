/**
 * Reference solution: fold a test-time batch norm into the linear layer before
 * it. With s_o = γ_o / √(r_σ²_o + ε), BN_test(W·x + b) = W'·x + b' where
 * W'_ok = s_o·W_ok (row o scaled) and b'_o = s_o·(b_o − r_μ_o) + β_o.
 */
export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  const scale = bn.gamma.map((g, o) => g / Math.sqrt(bn.runningVar[o] + bn.eps));
  return {
    weight: weight.map((row, o) => row.map((w) => scale[o] * w)),
    bias: bias.map((b, o) => scale[o] * (b - bn.runningMean[o]) + bn.beta[o]),
  };
}
