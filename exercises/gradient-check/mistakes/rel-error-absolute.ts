/** Known mistake: absolute instead of relative. */
export const misconception = {
  message:
    "Your relError returns the largest absolute difference |a − b|, not a relative one. Gradients come in every scale — an error of 1e-3 is negligible on an entry of 1e4 and fatal on an entry of 1e-3 — so divide each difference by max(1e-8, |a| + |b|).",
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
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i].length; j++) {
      worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
    }
  }
  return worst;
}
