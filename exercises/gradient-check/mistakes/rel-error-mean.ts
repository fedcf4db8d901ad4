/** Known mistake: average instead of the worst entry. */
export const misconception = {
  message:
    "Your relError averages the elementwise relative errors. One wrong entry is a bug however many entries are right, and averaging dilutes it (by the number of entries); take the maximum over entries.",
  lesson: "/lessons/fitting-batchnorm#checking-gradients-numerically",
};

export function gradCheck(f: (x: number[][]) => number[][], x: number[][], dout: number[][], h: number): number[][] {
  const loss = (v: number[][]): number => {
    const y = f(v);
    let sum = 0;
    for (let i = 0; i < y.length; i++) for (let j = 0; j < y[i].length; j++) sum += y[i][j] * dout[i][j];
    return sum;
  };
  const probe = x.map((row) => [...row]);
  return x.map((row, i) =>
    row.map((value, j) => {
      probe[i][j] = value + h;
      const plus = loss(probe);
      probe[i][j] = value - h;
      const minus = loss(probe);
      probe[i][j] = value;
      return (plus - minus) / (2 * h);
    }),
  );
}

export function relError(a: number[][], b: number[][]): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i].length; j++) {
      total += Math.abs(a[i][j] - b[i][j]) / Math.max(1e-8, Math.abs(a[i][j]) + Math.abs(b[i][j]));
      count++;
    }
  }
  return total / count;
}
