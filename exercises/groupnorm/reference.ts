/**
 * Reference solution: group normalization, forward and backward, for an
 * N×C×H×W input. The C channels are split into `groups` contiguous groups of
 * C/groups channels; every (example, group) pair has one mean and one biased
 * variance over its K = (C/groups)·H·W values. γ and β have one entry per
 * channel. Plain loops: graded code runs in a fresh isolate, without warm JIT.
 */

function checkGroups(channels: number, groups: number): number {
  if (!Number.isInteger(groups) || groups < 1 || channels % groups !== 0) {
    throw new RangeError(`groups must be a positive integer that divides C (C = ${channels}, groups = ${groups})`);
  }
  return channels / groups;
}

/** Mean and biased variance (two passes) of every (example, group), N×G each. */
function groupStatistics(x: number[][][][], groups: number, perGroup: number): { mean: number[][]; variance: number[][] } {
  const mean: number[][] = [];
  const variance: number[][] = [];
  for (const sample of x) {
    const count = perGroup * sample[0].length * sample[0][0].length;
    const m: number[] = [];
    const v: number[] = [];
    for (let g = 0; g < groups; g++) {
      let sum = 0;
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) for (const row of sample[c]) for (const value of row) sum += value;
      const mu = sum / count;
      let squares = 0;
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) for (const row of sample[c]) for (const value of row) squares += (value - mu) * (value - mu);
      m.push(mu);
      v.push(squares / count);
    }
    mean.push(m);
    variance.push(v);
  }
  return { mean, variance };
}

export function groupnormForward(
  x: number[][][][],
  gamma: number[],
  beta: number[],
  groups: number,
  eps: number,
): { out: number[][][][]; mean: number[][]; variance: number[][] } {
  const perGroup = checkGroups(x[0].length, groups);
  const { mean, variance } = groupStatistics(x, groups, perGroup);
  const out: number[][][][] = [];
  for (let n = 0; n < x.length; n++) {
    const sample: number[][][] = [];
    for (let c = 0; c < x[n].length; c++) {
      const g = Math.floor(c / perGroup);
      const invStd = 1 / Math.sqrt(variance[n][g] + eps);
      sample.push(x[n][c].map((row) => row.map((v) => gamma[c] * (v - mean[n][g]) * invStd + beta[c])));
    }
    out.push(sample);
  }
  return { out, mean, variance };
}

/**
 * Per group (K values, s = √(σ² + ε)), with dx̂ = γ_c·G:
 *   dx = (K dx̂ − Σ dx̂ − x̂ Σ dx̂·x̂) / (K s)
 * γ varies inside a group, so it stays inside the sums. dγ_c and dβ_c sum over
 * the examples and pixels of channel c.
 */
export function groupnormBackward(
  dout: number[][][][],
  x: number[][][][],
  gamma: number[],
  groups: number,
  eps: number,
): { dx: number[][][][]; dgamma: number[]; dbeta: number[] } {
  const channels = x[0].length;
  const perGroup = checkGroups(channels, groups);
  const { mean, variance } = groupStatistics(x, groups, perGroup);
  const dgamma = new Array<number>(channels).fill(0);
  const dbeta = new Array<number>(channels).fill(0);
  const dx: number[][][][] = x.map((sample) => sample.map((plane) => plane.map((row) => row.slice())));

  for (let n = 0; n < x.length; n++) {
    const height = x[n][0].length;
    const width = x[n][0][0].length;
    const count = perGroup * height * width;
    for (let g = 0; g < groups; g++) {
      const mu = mean[n][g];
      const invStd = 1 / Math.sqrt(variance[n][g] + eps);
      let sumDxhat = 0;
      let sumDxhatXhat = 0;
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) {
        for (let h = 0; h < height; h++) {
          for (let w = 0; w < width; w++) {
            const xhat = (x[n][c][h][w] - mu) * invStd;
            const G = dout[n][c][h][w];
            dbeta[c] += G;
            dgamma[c] += G * xhat;
            sumDxhat += gamma[c] * G;
            sumDxhatXhat += gamma[c] * G * xhat;
          }
        }
      }
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) {
        for (let h = 0; h < height; h++) {
          for (let w = 0; w < width; w++) {
            const xhat = (x[n][c][h][w] - mu) * invStd;
            const dxhat = gamma[c] * dout[n][c][h][w];
            dx[n][c][h][w] = (invStd / count) * (count * dxhat - sumDxhat - xhat * sumDxhatXhat);
          }
        }
      }
    }
  }
  return { dx, dgamma, dbeta };
}
