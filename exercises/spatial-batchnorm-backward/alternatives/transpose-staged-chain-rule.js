// Alternative correct solution (JavaScript): move C last and reshape to
// (N·H·W)×C, then batch-norm backward in its staged chain-rule form (through
// x̂, σ² and μ), and put dx back in N×C×H×W order.
function batchnormBackward(dout, x, gamma, eps) {
  const m = x.length;
  const C = gamma.length;
  const dx = x.map((r) => r.map(() => 0));
  const dgamma = new Array(C).fill(0);
  const dbeta = new Array(C).fill(0);
  for (let j = 0; j < C; j++) {
    let mu = 0;
    for (let i = 0; i < m; i++) mu += x[i][j];
    mu /= m;
    let v = 0;
    for (let i = 0; i < m; i++) v += (x[i][j] - mu) * (x[i][j] - mu);
    v /= m;
    const std = Math.sqrt(v + eps);
    let dvar = 0;
    let dmu = 0;
    for (let i = 0; i < m; i++) {
      const xhat = (x[i][j] - mu) / std;
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat;
      const dxhat = dout[i][j] * gamma[j];
      dvar += dxhat * (x[i][j] - mu) * -0.5 * (v + eps) ** -1.5;
      dmu += -dxhat / std;
    }
    for (let i = 0; i < m; i++) {
      dx[i][j] = (dout[i][j] * gamma[j]) / std + (dvar * 2 * (x[i][j] - mu)) / m + dmu / m;
    }
  }
  return { dx, dgamma, dbeta };
}

export function spatialBatchnormBackward(dout, x, gamma, eps) {
  const [n, C, H, W] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const rowsOf = (t) => {
    const rows = [];
    for (let i = 0; i < n; i++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) rows.push(t[i].map((plane) => plane[h][w]));
    return rows;
  };
  const r = batchnormBackward(rowsOf(dout), rowsOf(x), gamma, eps);
  const dx = x.map((s) => s.map((p) => p.map((row) => row.map(() => 0))));
  let k = 0;
  for (let i = 0; i < n; i++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++, k++) for (let c = 0; c < C; c++) dx[i][c][h][w] = r.dx[k][c];
  return { dx, dgamma: r.dgamma, dbeta: r.dbeta };
}
