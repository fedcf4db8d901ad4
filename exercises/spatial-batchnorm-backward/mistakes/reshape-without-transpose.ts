/** Known mistake: N×C×H×W reshaped straight to (N·H·W)×C, without moving C last, then ordinary batch-norm backward. */
export const misconception = {
  message:
    "You reshaped N×C×H×W straight to (N·H·W)×C without first moving the channel axis last, so each \"column\" mixes values of different channels. Transpose to N×H×W×C first (or loop over n, c, h, w), and undo the same steps on dx.",
  lesson: "/lessons/beyond-batchnorm#spatial-batch-norm",
};

type Tensor = number[][][][];

function rows(t: Tensor, channels: number): number[][] {
  const flat = t.flat(3);
  const out: number[][] = [];
  for (let k = 0; k < flat.length; k += channels) out.push(flat.slice(k, k + channels));
  return out;
}

export function spatialBatchnormBackward(
  dout: Tensor,
  x: Tensor,
  gamma: number[],
  eps: number,
): { dx: Tensor; dgamma: number[]; dbeta: number[] } {
  const [n, c, h, w] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const X = rows(x, c);
  const G = rows(dout, c);
  const m = X.length;
  const dxRows = X.map((r) => r.map(() => 0));
  const dgamma = new Array<number>(c).fill(0);
  const dbeta = new Array<number>(c).fill(0);
  for (let j = 0; j < c; j++) {
    const mean = X.reduce((s, r) => s + r[j], 0) / m;
    const invStd = 1 / Math.sqrt(X.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / m + eps);
    const xhat = X.map((r) => (r[j] - mean) * invStd);
    for (let i = 0; i < m; i++) {
      dbeta[j] += G[i][j];
      dgamma[j] += G[i][j] * xhat[i];
    }
    for (let i = 0; i < m; i++) dxRows[i][j] = ((gamma[j] * invStd) / m) * (m * G[i][j] - dbeta[j] - xhat[i] * dgamma[j]);
  }
  const flat = dxRows.flat();
  let k = 0;
  return {
    dx: Array.from({ length: n }, () => Array.from({ length: c }, () => Array.from({ length: h }, () => Array.from({ length: w }, () => flat[k++])))),
    dgamma,
    dbeta,
  };
}
