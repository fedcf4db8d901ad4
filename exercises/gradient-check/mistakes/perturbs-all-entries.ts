/** Known mistake: all entries perturbed at once. */
export const misconception = {
  message:
    "Your gradCheck perturbs every entry of x at once, which measures one directional derivative (the sum of all partial derivatives) and writes it into every entry. A gradient needs one evaluation pair per entry: x + h·e_k moves entry k only.",
  lesson: "/lessons/fitting-batchnorm#checking-gradients-numerically",
};

export function gradCheck(f: (x: number[][]) => number[][], x: number[][], dout: number[][], h: number): number[][] {
  const loss = (v: number[][]): number => {
    const y = f(v);
    let sum = 0;
    for (let i = 0; i < y.length; i++) for (let j = 0; j < y[i].length; j++) sum += y[i][j] * dout[i][j];
    return sum;
  };
  return x.map((row, i) =>
    row.map((value, j) => {
      const plus = loss(x.map((r) => r.map((v) => v + h)));
      const minus = loss(x.map((r) => r.map((v) => v - h)));
      return value * 0 + (plus - minus) / (2 * h);
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
