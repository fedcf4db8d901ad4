// Alternative correct solution (TypeScript): four nested loops, with the shift
// written as β − s·r_μ plus s·b (an algebraically equal form of s·(b − r_μ) + β).
export function foldBatchnormConv(
  weight: number[][][][],
  bias: number[],
  bn: { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number },
): { weight: number[][][][]; bias: number[] } {
  const folded: number[][][][] = [];
  const b: number[] = [];
  for (let o = 0; o < weight.length; o++) {
    const s = bn.gamma[o] / Math.sqrt(bn.runningVar[o] + bn.eps);
    const kernel: number[][][] = [];
    for (let c = 0; c < weight[o].length; c++) {
      const plane: number[][] = [];
      for (let i = 0; i < weight[o][c].length; i++) {
        const row: number[] = [];
        for (let j = 0; j < weight[o][c][i].length; j++) row.push(s * weight[o][c][i][j]);
        plane.push(row);
      }
      kernel.push(plane);
    }
    folded.push(kernel);
    b.push(bn.beta[o] - s * bn.runningMean[o] + s * bias[o]);
  }
  return { weight: folded, bias: b };
}
