// Alternative correct solution (TypeScript): computes (f(x+h) − f(x−h)) / 2h
// output by output and weights it by dout afterwards — the same number up to
// rounding, in a different order of operations.
export function gradCheck(f: (x: number[][]) => number[][], x: number[][], dout: number[][], h: number): number[][] {
  const grad: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    grad.push([]);
    for (let j = 0; j < x[i].length; j++) {
      const up = x.map((row) => row.slice());
      const down = x.map((row) => row.slice());
      up[i][j] += h;
      down[i][j] -= h;
      const yUp = f(up);
      const yDown = f(down);
      let g = 0;
      for (let r = 0; r < yUp.length; r++) for (let c = 0; c < yUp[r].length; c++) g += ((yUp[r][c] - yDown[r][c]) / (2 * h)) * dout[r][c];
      grad[i].push(g);
    }
  }
  return grad;
}

export function relError(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      const denominator = Math.max(1e-8, Math.abs(v) + Math.abs(b[i][j]));
      worst = Math.max(worst, Math.abs(v - b[i][j]) / denominator);
    }),
  );
  return worst;
}
