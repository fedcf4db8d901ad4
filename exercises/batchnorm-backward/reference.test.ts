/**
 * Proves the reference gradient is right, independently of the grader: it is
 * compared with centred-difference numerical gradients (h = 1e-5, N ≥ 4, as
 * batchnorm.md requires) of L = Σ dout ⊙ BN(x). This is what makes the hidden
 * "numerical gradient check" test honest.
 */
import { describe, expect, it } from "vitest";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { batchnormBackward } from "./reference";

function forward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  const n = x.length;
  return x.map((row) =>
    row.map((v, j) => {
      const mean = x.reduce((s, r) => s + r[j], 0) / n;
      const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
      return (gamma[j] * (v - mean)) / Math.sqrt(variance + eps) + beta[j];
    }),
  );
}

const loss = (dout: number[][], y: number[][]) => y.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * dout[i][j], 0), 0);

function numericalGradients(dout: number[][], x: number[][], gamma: number[], beta: number[], eps: number, h = 1e-5) {
  const dx = x.map((row, i) =>
    row.map((_, j) => {
      const plus = x.map((r) => [...r]);
      const minus = x.map((r) => [...r]);
      plus[i][j] += h;
      minus[i][j] -= h;
      return (loss(dout, forward(plus, gamma, beta, eps)) - loss(dout, forward(minus, gamma, beta, eps))) / (2 * h);
    }),
  );
  const dgamma = gamma.map((_, j) => {
    const plus = [...gamma];
    const minus = [...gamma];
    plus[j] += h;
    minus[j] -= h;
    return (loss(dout, forward(x, plus, beta, eps)) - loss(dout, forward(x, minus, beta, eps))) / (2 * h);
  });
  const dbeta = beta.map((_, j) => {
    const plus = [...beta];
    const minus = [...beta];
    plus[j] += h;
    minus[j] -= h;
    return (loss(dout, forward(x, gamma, plus, eps)) - loss(dout, forward(x, gamma, minus, eps))) / (2 * h);
  });
  return { dx, dgamma, dbeta };
}

function maxRelError(a: number[], b: number[]): number {
  return Math.max(...a.map((v, k) => Math.abs(v - b[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[k]))));
}

describe("batchnorm-backward reference", () => {
  for (const [n, d, seed] of [
    [4, 3, 1],
    [6, 5, 2],
    [8, 2, 3],
  ] as const) {
    it(`matches centred differences for N = ${n}, D = ${d}`, () => {
      const rng = createRng(seed);
      const dout = matrix(rng, n, d);
      const x = matrix(rng, n, d, { std: 1.5 });
      const gamma = vector(rng, d, { min: -2, max: 2 });
      const beta = vector(rng, d);
      const analytic = batchnormBackward(dout, x, gamma, 1e-5);
      const numeric = numericalGradients(dout, x, gamma, beta, 1e-5);
      expect(maxRelError(analytic.dx.flat(), numeric.dx.flat())).toBeLessThan(1e-5);
      expect(maxRelError(analytic.dgamma, numeric.dgamma)).toBeLessThan(1e-6);
      expect(maxRelError(analytic.dbeta, numeric.dbeta)).toBeLessThan(1e-6);
    });
  }

  it("reproduces the prompt's example", () => {
    const r = batchnormBackward(
      [
        [1, 0],
        [0, 1],
        [0, 0],
        [0, -1],
      ],
      [
        [1, 2],
        [3, 2],
        [5, 6],
        [7, 6],
      ],
      [2, 1],
      1e-5,
    );
    expect(r.dbeta).toEqual([1, 0]);
    expect(r.dgamma[0]).toBeCloseTo(-1.3416, 4);
    expect(r.dgamma[1]).toBeCloseTo(-2, 4);
    const expected = [
      [0.2683, -0.25],
      [-0.3578, 0.25],
      [-0.0894, 0.25],
      [0.1789, -0.25],
    ];
    r.dx.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 4)));
  });

  it("gives dx = 0 for a batch of one (y = β whatever x is)", () => {
    const r = batchnormBackward([[0.3, -1.2]], [[5, 7]], [1.5, -2], 1e-5);
    expect(r.dx[0].every((v) => v === 0)).toBe(true);
    expect(r.dbeta).toEqual([0.3, -1.2]);
  });
});
