/** Dense row-major matrices as number[][] (the course's layout: N×D). */
export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** a (N×K) · b (K×M) + bias (M). */
export function affine(a: Matrix, b: Matrix, bias: number[]): Matrix {
  const n = a.length;
  const k = b.length;
  const m = bias.length;
  const out = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const row = bias.slice();
    const ai = a[i];
    for (let p = 0; p < k; p++) {
      const v = ai[p];
      if (v === 0) continue;
      const bp = b[p];
      for (let j = 0; j < m; j++) row[j] += v * bp[j];
    }
    out[i] = row;
  }
  return out;
}

/** Backward of affine: given dout (N×M), returns dx = dout·bᵀ, dW = aᵀ·dout, db = Σ rows of dout. */
export function affineBackward(dout: Matrix, a: Matrix, b: Matrix): { dx: Matrix; dW: Matrix; db: number[] } {
  const n = a.length;
  const k = b.length;
  const m = dout[0]?.length ?? 0;
  const dW = zeros(k, m);
  const db = new Array<number>(m).fill(0);
  const dx = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const gi = dout[i];
    const ai = a[i];
    const dxi = new Array<number>(k).fill(0);
    for (let j = 0; j < m; j++) db[j] += gi[j];
    for (let p = 0; p < k; p++) {
      const bp = b[p];
      const dWp = dW[p];
      const v = ai[p];
      let s = 0;
      for (let j = 0; j < m; j++) {
        s += gi[j] * bp[j];
        dWp[j] += v * gi[j];
      }
      dxi[p] = s;
    }
    dx[i] = dxi;
  }
  return { dx, dW, db };
}

export function relu(x: Matrix): Matrix {
  return x.map((row) => row.map((v) => Math.max(v, 0)));
}

/** ReLU backward: the gradient passes where the ReLU's input was positive. */
export function reluBackward(dout: Matrix, input: Matrix): Matrix {
  return dout.map((row, i) => row.map((g, j) => (input[i][j] > 0 ? g : 0)));
}

export function column(x: Matrix, j: number): number[] {
  return x.map((row) => row[j]);
}

export function meanAndStd(values: number[]): { mean: number; std: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return { mean, std: Math.sqrt(variance) };
}
