/** Known mistake: μ and σ² treated as constants in the backward pass. */
export const misconception = {
  message:
    "Your dx treats the channel mean and variance as constants (dx = γ_c·G/√(σ² + ε)). Every value of a channel moves that channel's mean and variance: the paths through μ and σ² subtract dβ_c and x̂·dγ_c (divided by N·H·W).",
  lesson: "/lessons/fitting-batchnorm#backward-pass",
};

type Tensor = number[][][][];

export function spatialBatchnormBackward(
  dout: Tensor,
  x: Tensor,
  gamma: number[],
  eps: number,
): { dx: Tensor; dgamma: number[]; dbeta: number[] } {
  // Values that share a mean and variance form one set.
  const key = (n: number, c: number, h: number, w: number) => String(c);
  const sets = new Map<string, { count: number; sum: number; squares: number; g: number; gXhat: number }>();
  const set = (n: number, c: number, h: number, w: number) => {
    const k = key(n, c, h, w);
    let e = sets.get(k);
    if (!e) {
      e = { count: 0, sum: 0, squares: 0, g: 0, gXhat: 0 };
      sets.set(k, e);
    }
    return e;
  };
  const each = (f: (n: number, c: number, h: number, w: number, v: number) => void) =>
    x.forEach((sample, n) => sample.forEach((plane, c) => plane.forEach((row, h) => row.forEach((v, w) => f(n, c, h, w, v)))));
  each((n, c, h, w, v) => {
    const e = set(n, c, h, w);
    e.count++;
    e.sum += v;
  });
  const mean = (n: number, c: number, h: number, w: number) => set(n, c, h, w).sum / set(n, c, h, w).count;
  each((n, c, h, w, v) => {
    set(n, c, h, w).squares += (v - mean(n, c, h, w)) ** 2;
  });
  const invStd = (n: number, c: number, h: number, w: number) => {
    const e = set(n, c, h, w);
    return 1 / Math.sqrt(e.squares / e.count + eps);
  };
  const xhat = (n: number, c: number, h: number, w: number, v: number) => (v - mean(n, c, h, w)) * invStd(n, c, h, w);

  const dgamma = gamma.map(() => 0);
  const dbeta = gamma.map(() => 0);
  each((n, c, h, w, v) => {
    const G = dout[n][c][h][w];
    const e = set(n, c, h, w);
    dbeta[c] += G;
    dgamma[c] += G * xhat(n, c, h, w, v);
    e.g += G;
    e.gXhat += G * xhat(n, c, h, w, v);
  });
  const dx = x.map((sample, n) =>
    sample.map((plane, c) =>
      plane.map((row, h) =>
        row.map((v, w) => {
          const G = dout[n][c][h][w];
          return gamma[c] * G * invStd(n, c, h, w);
        }),
      ),
    ),
  );
  return { dx, dgamma, dbeta };
}
