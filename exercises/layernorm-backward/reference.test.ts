/**
 * Proves the layer-norm backward reference independently of the grader:
 * centred differences (h = 1e-5) of L = Σ dout ⊙ LN(x) for dx, dγ and dβ,
 * with γ that varies across features; the prompt's worked example; and the
 * identities the lesson states (each row of dx sums to zero; one example has a
 * non-zero dx, unlike batch norm).
 */
import { describe, expect, it } from "vitest";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { layernormForward } from "../layernorm-forward/reference";
import { layernormBackward } from "./reference";

const loss = (dout: number[][], y: number[][]) => y.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * dout[i][j], 0), 0);

function centred(f: (v: number[]) => number, v: number[], h = 1e-5): number[] {
  return v.map((_, k) => {
    const plus = [...v];
    const minus = [...v];
    plus[k] += h;
    minus[k] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

const relError = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[k]))));

describe("layernorm-backward reference", () => {
  for (const [n, d, seed] of [
    [3, 6, 21],
    [5, 4, 22],
    [1, 5, 23],
  ] as const) {
    it(`matches centred differences (N = ${n}, D = ${d})`, () => {
      const rng = createRng(seed);
      const dout = matrix(rng, n, d);
      const x = matrix(rng, n, d, { std: 1.5 });
      const gamma = vector(rng, d, { min: -2, max: 2 });
      const beta = vector(rng, d);
      const eps = 1e-5;
      const r = layernormBackward(dout, x, gamma, eps);
      const unflat = (v: number[]) => x.map((row, i) => row.map((_, j) => v[i * d + j]));
      const numDx = centred((v) => loss(dout, layernormForward(unflat(v), gamma, beta, eps)), x.flat());
      expect(relError(r.dx.flat(), numDx)).toBeLessThan(1e-5);
      expect(relError(r.dgamma, centred((g) => loss(dout, layernormForward(x, g, beta, eps)), gamma))).toBeLessThan(1e-6);
      expect(relError(r.dbeta, centred((b) => loss(dout, layernormForward(x, gamma, b, eps)), beta))).toBeLessThan(1e-6);
      for (const row of r.dx) expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    });
  }

  it("reproduces the prompt's example", () => {
    const r = layernormBackward(
      [
        [1, 0, 0, 0],
        [0, 1, -1, 0],
      ],
      [
        [1, 2, 3, 6],
        [0, 4, 4, 8],
      ],
      [1, 2, 1, 2],
      1e-5,
    );
    expect(r.dbeta).toEqual([1, 1, -1, 0]);
    const expected = {
      dgamma: [-1.069, 0, 0, 0],
      dx: [
        [0.2482, -0.21, -0.1336, 0.0954],
        [-0.0884, 0.6187, -0.4419, -0.0884],
      ],
    };
    r.dgamma.forEach((v, j) => expect(v).toBeCloseTo(expected.dgamma[j], 4));
    r.dx.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected.dx[i][j], 4)));
  });
});
