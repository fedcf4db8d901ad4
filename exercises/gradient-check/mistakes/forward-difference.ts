/** Known mistake: one-sided difference. */
export const misconception = {
  message:
    "Your gradCheck uses a one-sided (forward) difference, (L(x + h·e_k) − L(x)) / h. Its error shrinks only like h (about 1e-5 here), which is as large as the bugs a checker must find; the centred difference (L(x + h·e_k) − L(x − h·e_k)) / 2h has an error of order h² (about 1e-10).",
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
      probe[i][j] = value;
      const here = loss(probe);
      return (plus - here) / h;
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
