/**
 * Reference solution: group normalization, forward and backward, for an
 * N×C×H×W input. The C channels are split into `groups` contiguous groups of
 * C/groups channels; every (example, group) pair has one mean and one biased
 * variance over its (C/groups)·H·W values. γ and β have one entry per channel.
 */

function checkGroups(channels: number, groups: number): number {
  if (!Number.isInteger(groups) || groups < 1 || channels % groups !== 0) {
    throw new RangeError(`groups must be a positive integer that divides C (C = ${channels}, groups = ${groups})`);
  }
  return channels / groups;
}

/** Mean and biased variance (two passes) of every (example, group), N×G each. */
function groupStatistics(x: number[][][][], groups: number, perGroup: number) {
  const mean = x.map(() => new Array<number>(groups).fill(0));
  const variance = x.map(() => new Array<number>(groups).fill(0));
  x.forEach((sample, n) => {
    for (let g = 0; g < groups; g++) {
      const planes = sample.slice(g * perGroup, (g + 1) * perGroup);
      const count = perGroup * planes[0].length * planes[0][0].length;
      let sum = 0;
      for (const plane of planes) for (const row of plane) for (const v of row) sum += v;
      const mu = sum / count;
      let squares = 0;
      for (const plane of planes) for (const row of plane) for (const v of row) squares += (v - mu) ** 2;
      mean[n][g] = mu;
      variance[n][g] = squares / count;
    }
  });
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
  const out = x.map((sample, n) =>
    sample.map((plane, c) => {
      const g = Math.floor(c / perGroup);
      const invStd = 1 / Math.sqrt(variance[n][g] + eps);
      return plane.map((row) => row.map((v) => gamma[c] * (v - mean[n][g]) * invStd + beta[c]));
    }),
  );
  return { out, mean, variance };
}

/**
 * Per group (K = (C/G)·H·W values, s = √(σ² + ε)), with dx̂ = γ_c·G:
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
  const dx = x.map((sample) => sample.map((plane) => plane.map((row) => row.map(() => 0))));

  x.forEach((sample, n) => {
    for (let g = 0; g < groups; g++) {
      const invStd = 1 / Math.sqrt(variance[n][g] + eps);
      const count = perGroup * sample[0].length * sample[0][0].length;
      let sumDxhat = 0;
      let sumDxhatXhat = 0;
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) {
        sample[c].forEach((row, h) =>
          row.forEach((v, w) => {
            const xhat = (v - mean[n][g]) * invStd;
            const G = dout[n][c][h][w];
            dbeta[c] += G;
            dgamma[c] += G * xhat;
            sumDxhat += gamma[c] * G;
            sumDxhatXhat += gamma[c] * G * xhat;
          }),
        );
      }
      for (let c = g * perGroup; c < (g + 1) * perGroup; c++) {
        sample[c].forEach((row, h) =>
          row.forEach((v, w) => {
            const xhat = (v - mean[n][g]) * invStd;
            const dxhat = gamma[c] * dout[n][c][h][w];
            dx[n][c][h][w] = (invStd / count) * (count * dxhat - sumDxhat - xhat * sumDxhatXhat);
          }),
        );
      }
    }
  });
  return { dx, dgamma, dbeta };
}
