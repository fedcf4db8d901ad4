/**
 * Reference solution: spatial batch norm backward (training mode), N×C×H×W.
 * Per channel c, over its M = N·H·W values (G = dout):
 *   dβ_c = Σ G,  dγ_c = Σ G·x̂,
 *   dx = γ_c / (M √(σ²_c + ε)) · (M G − dβ_c − x̂ dγ_c)
 * — batch norm's compact backward with the channel as the feature.
 */
export function spatialBatchnormBackward(
  dout: number[][][][],
  x: number[][][][],
  gamma: number[],
  eps: number,
): { dx: number[][][][]; dgamma: number[]; dbeta: number[] } {
  const channels = x[0].length;
  const count = x.length * x[0][0].length * x[0][0][0].length;
  const mean = new Array<number>(channels).fill(0);
  const squares = new Array<number>(channels).fill(0);
  for (const sample of x) sample.forEach((plane, c) => plane.forEach((row) => row.forEach((v) => (mean[c] += v))));
  for (let c = 0; c < channels; c++) mean[c] /= count;
  for (const sample of x) sample.forEach((plane, c) => plane.forEach((row) => row.forEach((v) => (squares[c] += (v - mean[c]) ** 2))));
  const invStd = squares.map((s) => 1 / Math.sqrt(s / count + eps));
  const xhat = (c: number, v: number) => (v - mean[c]) * invStd[c];

  const dgamma = new Array<number>(channels).fill(0);
  const dbeta = new Array<number>(channels).fill(0);
  x.forEach((sample, n) =>
    sample.forEach((plane, c) =>
      plane.forEach((row, h) =>
        row.forEach((v, w) => {
          dbeta[c] += dout[n][c][h][w];
          dgamma[c] += dout[n][c][h][w] * xhat(c, v);
        }),
      ),
    ),
  );
  const dx = x.map((sample, n) =>
    sample.map((plane, c) =>
      plane.map((row, h) =>
        row.map((v, w) => ((gamma[c] * invStd[c]) / count) * (count * dout[n][c][h][w] - dbeta[c] - xhat(c, v) * dgamma[c])),
      ),
    ),
  );
  return { dx, dgamma, dbeta };
}
