/**
 * Proves the compact reference independently of the grader: it equals
 * centred-difference gradients (h = 1e-5, N ≥ 4) of L = Σ dout ⊙ BN(x), and
 * it equals the staged chain rule (the plain batchnorm-backward's
 * alternative) to rounding — "the same gradient in one expression".
 */
import { describe, expect, it } from "vitest";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { batchnormBackwardCompact } from "./reference";
import { batchnormBackwardCompact as staged } from "./alternatives/staged-chain-rule";

function forward(x: number[][], gamma: number[], eps: number): number[][] {
  const n = x.length;
  return x.map((row) =>
    row.map((v, j) => {
      const mean = x.reduce((s, r) => s + r[j], 0) / n;
      const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
      return (gamma[j] * (v - mean)) / Math.sqrt(variance + eps);
    }),
  );
}

const loss = (dout: number[][], y: number[][]) => y.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * dout[i][j], 0), 0);

function numericalDx(dout: number[][], x: number[][], gamma: number[], eps: number, h = 1e-5): number[][] {
  return x.map((row, i) =>
    row.map((_, j) => {
      const plus = x.map((r) => [...r]);
      const minus = x.map((r) => [...r]);
      plus[i][j] += h;
      minus[i][j] -= h;
      return (loss(dout, forward(plus, gamma, eps)) - loss(dout, forward(minus, gamma, eps))) / (2 * h);
    }),
  );
}

const relError = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[k]))));

describe("batchnorm-backward-compact reference", () => {
  for (const [n, d, seed] of [
    [4, 3, 11],
    [7, 5, 12],
  ] as const) {
    it(`matches centred differences and the staged chain rule (N = ${n}, D = ${d})`, () => {
      const rng = createRng(seed);
      const dout = matrix(rng, n, d);
      const x = matrix(rng, n, d, { std: 1.5 });
      const gamma = vector(rng, d, { min: -2, max: 2 });
      const compact = batchnormBackwardCompact(dout, x, gamma, 1e-5);
      expect(relError(compact.dx.flat(), numericalDx(dout, x, gamma, 1e-5).flat())).toBeLessThan(1e-5);
      const plain = staged(dout, x, gamma, 1e-5);
      for (const key of ["dgamma", "dbeta"] as const) expect(relError(compact[key], plain[key])).toBeLessThan(1e-12);
      expect(relError(compact.dx.flat(), plain.dx.flat())).toBeLessThan(1e-9);
    });
  }

  it("reproduces the prompt's example (each column of dx sums to zero)", () => {
    const r = batchnormBackwardCompact(
      [
        [2, 1],
        [0, 1],
        [1, 0],
        [1, -2],
      ],
      [
        [0, 1],
        [2, 1],
        [4, 5],
        [6, 5],
      ],
      [1, 3],
      1e-5,
    );
    expect(r.dbeta).toEqual([4, 0]);
    expect(r.dgamma[0]).toBeCloseTo(-0.8944, 4);
    expect(r.dgamma[1]).toBeCloseTo(-4, 4);
    const expected = [
      [0.313, 0],
      [-0.4919, 0],
      [0.0447, 1.5],
      [0.1342, -1.5],
    ];
    r.dx.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 4)));
    for (let j = 0; j < 2; j++) expect(Math.abs(r.dx.reduce((s, row) => s + row[j], 0))).toBeLessThan(1e-12);
  });
});
