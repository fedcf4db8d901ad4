/** Known mistake: unbiased (M − 1) channel variance. */
export const misconception = {
  message:
    "Your variance divides by M − 1 (unbiased). Batch norm, spatial or not, uses the biased variance: divide by the number of values, M = N·H·W.",
  lesson: "/lessons/normalizing-activations#variance-and-epsilon",
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
    return 1 / Math.sqrt(e.squares / (e.count - 1) + eps);
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
          const e = set(n, c, h, w);
          const K = e.count;
          const G = dout[n][c][h][w];
          return ((gamma[c] * invStd(n, c, h, w)) / K) * (K * G - e.g - xhat(n, c, h, w, v) * e.gXhat);
        }),
      ),
    ),
  );
  return { dx, dgamma, dbeta };
}
