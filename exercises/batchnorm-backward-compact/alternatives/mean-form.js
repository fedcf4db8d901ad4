// Alternative correct solution (JavaScript): the compact form written with
// means, dx = γ/s · (G − mean(G) − x̂·mean(G·x̂)), in plain loops.
export function batchnormBackwardCompact(dout, x, gamma, eps) {
  const n = x.length;
  const d = gamma.length;
  const dx = [];
  for (let i = 0; i < n; i++) dx.push(new Array(d).fill(0));
  const dgamma = new Array(d).fill(0);
  const dbeta = new Array(d).fill(0);
  for (let j = 0; j < d; j++) {
    let mu = 0;
    for (let i = 0; i < n; i++) mu += x[i][j];
    mu /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i][j] - mu) * (x[i][j] - mu);
    const s = Math.sqrt(v / n + eps);
    const xhat = [];
    for (let i = 0; i < n; i++) xhat.push((x[i][j] - mu) / s);
    for (let i = 0; i < n; i++) {
      dbeta[j] += dout[i][j];
      dgamma[j] += dout[i][j] * xhat[i];
    }
    for (let i = 0; i < n; i++) dx[i][j] = (gamma[j] / s) * (dout[i][j] - dbeta[j] / n - (xhat[i] * dgamma[j]) / n);
  }
  return { dx, dgamma, dbeta };
}
