// Alternative correct solution (JavaScript): the array-library recipe — move C
// last (N×H×W×C), reshape to (N·H·W)×C, ordinary batch norm, and back.
function batchnorm(rows, gamma, beta, eps) {
  const m = rows.length;
  const mean = gamma.map((_, c) => rows.reduce((s, r) => s + r[c], 0) / m);
  const inv = mean.map((mu, c) => 1 / Math.sqrt(rows.reduce((s, r) => s + (r[c] - mu) ** 2, 0) / m + eps));
  return rows.map((r) => r.map((v, c) => gamma[c] * (v - mean[c]) * inv[c] + beta[c]));
}

export function spatialBatchnormForward(x, gamma, beta, eps) {
  const [n, C, H, W] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const rows = [];
  for (let i = 0; i < n; i++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) rows.push(x[i].map((plane) => plane[h][w]));
  const y = batchnorm(rows, gamma, beta, eps);
  const out = x.map((s) => s.map((p) => p.map((r) => r.slice())));
  let k = 0;
  for (let i = 0; i < n; i++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++, k++) for (let c = 0; c < C; c++) out[i][c][h][w] = y[k][c];
  return out;
}
