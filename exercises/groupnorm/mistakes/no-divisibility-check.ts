/** Known mistake: no error when C is not a multiple of the number of groups. */
export const misconception = {
  message:
    "Your function returned a result when the number of groups does not divide C. The prompt defines that as an error: throw an Error instead of silently making uneven groups.",
  lesson: "/lessons/which-normalization#group-norm",
};

type Tensor = number[][][][];

/** Statistics shared by the values of one set (an example's group). */
function statistics(x: Tensor, groups: number, eps: number) {
  const channels = x[0].length;
  // (no check on groups)
  const perGroup = Math.floor(channels / groups);
  const groupOf = (c: number) => Math.min(Math.floor(c / perGroup), groups - 1);
  const key = (n: number, c: number) => `${n}:${groupOf(c)}`;
  const sets = new Map<string, { count: number; sum: number; squares: number }>();
  const entry = (n: number, c: number) => {
    const k = key(n, c);
    let e = sets.get(k);
    if (!e) {
      e = { count: 0, sum: 0, squares: 0 };
      sets.set(k, e);
    }
    return e;
  };
  x.forEach((sample, n) =>
    sample.forEach((plane, c) => {
      const e = entry(n, c);
      for (const row of plane) for (const v of row) {
        e.count++;
        e.sum += v;
      }
    }),
  );
  const mean = (n: number, c: number) => entry(n, c).sum / entry(n, c).count;
  x.forEach((sample, n) =>
    sample.forEach((plane, c) => {
      const e = entry(n, c);
      for (const row of plane) for (const v of row) e.squares += (v - mean(n, c)) ** 2;
    }),
  );
  const variance = (n: number, c: number) => entry(n, c).squares / entry(n, c).count;
  const invStd = (n: number, c: number) => 1 / Math.sqrt(variance(n, c) + eps);
  const count = (n: number, c: number) => entry(n, c).count;
  return { channels, groupOf, key, mean, variance, invStd, count };
}

export function groupnormForward(
  x: Tensor,
  gamma: number[],
  beta: number[],
  groups: number,
  eps: number,
): { out: Tensor; mean: number[][]; variance: number[][] } {
  const s = statistics(x, groups, eps);
  const first = Array.from({ length: groups }, (_, g) => Array.from({ length: s.channels }, (_, c) => c).find((c) => s.groupOf(c) === g) ?? 0);
  const out = x.map((sample, n) =>
    sample.map((plane, c) => plane.map((row) => row.map((v) => gamma[c] * (v - s.mean(n, c)) * s.invStd(n, c) + beta[c]))),
  );
  return {
    out,
    mean: x.map((_, n) => first.map((c) => s.mean(n, c))),
    variance: x.map((_, n) => first.map((c) => s.variance(n, c))),
  };
}

export function groupnormBackward(
  dout: Tensor,
  x: Tensor,
  gamma: number[],
  groups: number,
  eps: number,
): { dx: Tensor; dgamma: number[]; dbeta: number[] } {
  const s = statistics(x, groups, eps);
  const dgamma = gamma.map(() => 0);
  const dbeta = gamma.map(() => 0);
  const sums = new Map<string, { dxhat: number; dxhatXhat: number; g: number; gXhat: number }>();
  const xhatOf = (n: number, c: number, v: number) => (v - s.mean(n, c)) * s.invStd(n, c);
  x.forEach((sample, n) =>
    sample.forEach((plane, c) => {
      const k = s.key(n, c);
      const e = sums.get(k) ?? { dxhat: 0, dxhatXhat: 0, g: 0, gXhat: 0 };
      plane.forEach((row, h) =>
        row.forEach((v, w) => {
          const G = dout[n][c][h][w];
          const xhat = xhatOf(n, c, v);
          dbeta[c] += G;
          dgamma[c] += G * xhat;
          e.dxhat += gamma[c] * G;
          e.dxhatXhat += gamma[c] * G * xhat;
          e.g += G;
          e.gXhat += G * xhat;
        }),
      );
      sums.set(k, e);
    }),
  );
  const dx = x.map((sample, n) =>
    sample.map((plane, c) =>
      plane.map((row, h) =>
        row.map((v, w) => {
          const e = sums.get(s.key(n, c)) ?? { dxhat: 0, dxhatXhat: 0, g: 0, gXhat: 0 };
          const K = s.count(n, c);
          const G = dout[n][c][h][w];
          const xhat = xhatOf(n, c, v);
          const dxhat = gamma[c] * G;
          return (s.invStd(n, c) / K) * (K * dxhat - e.dxhat - xhat * e.dxhatXhat);
        }),
      ),
    ),
  );
  return { dx, dgamma, dbeta };
}
