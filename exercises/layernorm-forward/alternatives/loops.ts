// Alternative correct solution (TypeScript): explicit loops and a
// precomputed reciprocal standard deviation.
export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    const row = x[i];
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j];
    const mean = sum / row.length;
    let sq = 0;
    for (let j = 0; j < row.length; j++) sq += (row[j] - mean) * (row[j] - mean);
    const rstd = 1 / Math.sqrt(sq / row.length + eps);
    const y = new Array<number>(row.length);
    for (let j = 0; j < row.length; j++) y[j] = (row[j] - mean) * rstd * gamma[j] + beta[j];
    out.push(y);
  }
  return out;
}
