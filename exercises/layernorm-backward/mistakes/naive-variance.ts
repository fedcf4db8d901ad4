/** Known mistake: E[x²] − μ² per row. */
export const misconception = {
  message:
    "Your gradients recompute each row's σ² as E[x²] − μ². For inputs near 1e8 the two huge terms cancel and σ² loses every digit, so x̂ and all three gradients are wrong. Subtract the mean first, then square.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
};

export function layernormBackward(
  dout: number[][],
  x: number[][],
  gamma: number[],
  eps: number,
): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const d = gamma.length;
  const dgamma: number[] = new Array(d).fill(0);
  const dbeta: number[] = new Array(d).fill(0);
  const dx = x.map((row, i) => {
    const mean = row.reduce((s, v) => s + v, 0) / d;
    const std = Math.sqrt((row.reduce((s, v) => s + v * v, 0) / d - mean * mean) + eps);
    const xhat = row.map((v) => (v - mean) / std);
    const g = dout[i].map((G, j) => gamma[j] * G);
    let sumG = 0;
    let sumGx = 0;
    for (let j = 0; j < d; j++) {
      sumG += g[j];
      sumGx += g[j] * xhat[j];
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[j];
    }
    return xhat.map((xh, j) => (d * g[j] - sumG - xh * sumGx) / (d * std));
  });
  return { dx, dgamma, dbeta };
}
