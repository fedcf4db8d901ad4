// Alternative correct solution (TypeScript): loops, with the shift written as
// β − s·r_μ plus s·b (an algebraically equal form of s·(b − r_μ) + β).
export function foldBatchnorm(
  weight: number[][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][]; bias: number[] } {
  const W: number[][] = [];
  const b: number[] = [];
  for (let o = 0; o < weight.length; o++) {
    const s = bn.gamma[o] / Math.sqrt(bn.runningVar[o] + bn.eps);
    const row: number[] = [];
    for (let k = 0; k < weight[o].length; k++) row.push(weight[o][k] * s);
    W.push(row);
    b.push(bn.beta[o] - s * bn.runningMean[o] + s * bias[o]);
  }
  return { weight: W, bias: b };
}
