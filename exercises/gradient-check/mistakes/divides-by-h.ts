/** Known mistake: centred difference divided by h. */
export const misconception = {
  message:
    "Your gradCheck divides the centred difference by h instead of 2h. L(x + h·e_k) and L(x − h·e_k) are 2h apart, so (L₊ − L₋)/h is exactly twice the gradient.",
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
      return (plus - minus) / h;
    }),
  );
}

export function relError(a: number[][], b: number[][]): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i].length; j++) {
      worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]) / Math.max(1e-8, Math.abs(a[i][j]) + Math.abs(b[i][j])));
    }
  }
  return worst;
}
