// Alternative correct solution (TypeScript): the staged chain rule through
// x̂, σ²_i and μ_i for each example, instead of the compact row formula.
export function layernormBackward(dout: number[][], x: number[][], gamma: number[], eps: number) {
  const d = gamma.length;
  const dgamma = gamma.map(() => 0);
  const dbeta = gamma.map(() => 0);
  const dx: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    const row = x[i];
    let mu = 0;
    for (const v of row) mu += v;
    mu /= d;
    let v2 = 0;
    for (const v of row) v2 += (v - mu) * (v - mu);
    v2 /= d;
    const std = Math.sqrt(v2 + eps);
    const dxhat = row.map((_, j) => gamma[j] * dout[i][j]);
    let dvar = 0;
    let dmu = 0;
    for (let j = 0; j < d; j++) {
      dvar += dxhat[j] * (row[j] - mu) * -0.5 * (v2 + eps) ** -1.5;
      dmu -= dxhat[j] / std;
      dbeta[j] += dout[i][j];
      dgamma[j] += (dout[i][j] * (row[j] - mu)) / std;
    }
    dx.push(row.map((v, j) => dxhat[j] / std + (dvar * 2 * (v - mu)) / d + dmu / d));
  }
  return { dx, dgamma, dbeta };
}
