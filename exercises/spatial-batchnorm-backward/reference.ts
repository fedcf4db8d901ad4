/**
 * Reference solution: spatial batch norm backward (training mode), N×C×H×W.
 * Per channel c, over its M = N·H·W values (G = dout):
 *   dβ_c = Σ G,  dγ_c = Σ G·x̂,
 *   dx = γ_c / (M √(σ²_c + ε)) · (M G − dβ_c − x̂ dγ_c)
 * — batch norm's compact backward with the channel as the feature. Plain
 * loops: graded code runs in a fresh isolate, without warm JIT.
 */
export function spatialBatchnormBackward(
  dout: number[][][][],
  x: number[][][][],
  gamma: number[],
  eps: number,
): { dx: number[][][][]; dgamma: number[]; dbeta: number[] } {
  const [n, channels, height, width] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const count = n * height * width;
  const dgamma = new Array<number>(channels).fill(0);
  const dbeta = new Array<number>(channels).fill(0);
  const dx: number[][][][] = x.map((sample) => sample.map((plane) => plane.map((row) => row.slice())));

  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let i = 0; i < n; i++) for (let h = 0; h < height; h++) for (let w = 0; w < width; w++) sum += x[i][c][h][w];
    const mean = sum / count;
    let squares = 0;
    for (let i = 0; i < n; i++) for (let h = 0; h < height; h++) for (let w = 0; w < width; w++) squares += (x[i][c][h][w] - mean) ** 2;
    const invStd = 1 / Math.sqrt(squares / count + eps);

    for (let i = 0; i < n; i++) {
      for (let h = 0; h < height; h++) {
        for (let w = 0; w < width; w++) {
          dbeta[c] += dout[i][c][h][w];
          dgamma[c] += dout[i][c][h][w] * (x[i][c][h][w] - mean) * invStd;
        }
      }
    }
    const scale = (gamma[c] * invStd) / count;
    for (let i = 0; i < n; i++) {
      for (let h = 0; h < height; h++) {
        for (let w = 0; w < width; w++) {
          const xhat = (x[i][c][h][w] - mean) * invStd;
          dx[i][c][h][w] = scale * (count * dout[i][c][h][w] - dbeta[c] - xhat * dgamma[c]);
        }
      }
    }
  }
  return { dx, dgamma, dbeta };
}
