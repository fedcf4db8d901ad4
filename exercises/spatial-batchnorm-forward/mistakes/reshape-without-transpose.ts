/** Known mistake: the N×C×H×W tensor is flattened and read as (N·H·W)×C rows without moving C last. */
export const misconception = {
  message:
    "You reshaped the N×C×H×W tensor into (N·H·W)×C rows without first moving the channel axis last, so each 'column' mixes values from different channels and pixels. Transpose to N×H×W×C before reshaping (or index n, c, h, w directly) so that each column holds exactly one channel.",
  lesson: "/lessons/beyond-batchnorm#spatial-batch-norm",
};

export function spatialBatchnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][][][] {
  const [n, c, h, w] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const flat = x.flat(3); // memory order n, c, h, w
  const rows = n * h * w;
  const out = new Array<number>(flat.length);
  for (let k = 0; k < c; k++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += flat[r * c + k] / rows;
    let variance = 0;
    for (let r = 0; r < rows; r++) variance += (flat[r * c + k] - mean) ** 2 / rows;
    for (let r = 0; r < rows; r++) {
      out[r * c + k] = (gamma[k] * (flat[r * c + k] - mean)) / Math.sqrt(variance + eps) + beta[k];
    }
  }
  let p = 0;
  return Array.from({ length: n }, () =>
    Array.from({ length: c }, () => Array.from({ length: h }, () => Array.from({ length: w }, () => out[p++]))),
  );
}
