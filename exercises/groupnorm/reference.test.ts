/**
 * Proves the group-norm reference independently of the grader: groups = 1 is
 * layer norm over C·H·W and groups = C is instance norm (the named tests rely
 * on it), the backward pass matches centred differences (h = 1e-5), an
 * indivisible C throws, and the prompt's example holds.
 */
import { describe, expect, it } from "vitest";
import { createRng, tensor4, vector } from "../../grader/test-kit";
import { groupnormBackward, groupnormForward } from "./reference";

type Tensor = number[][][][];

/** Normalizes a list of values with its own mean and biased variance. */
function normalize(values: number[], eps: number): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return values.map((v) => (v - mean) / Math.sqrt(variance + eps));
}

const loss = (dout: Tensor, y: Tensor) => y.flat(3).reduce((s, v, k) => s + v * dout.flat(3)[k], 0);
const maxRelError = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[k]))));

describe("groupnorm reference", () => {
  const rng = createRng(5);
  const [n, c, h, w] = [2, 6, 2, 3];
  const x = tensor4(rng, n, c, h, w);
  const gamma = vector(rng, c, { min: -2, max: 2 });
  const beta = vector(rng, c);

  it("groups = 1 is layer norm over each example's C·H·W values", () => {
    const { out } = groupnormForward(x, gamma, beta, 1, 1e-5);
    x.forEach((sample, i) => {
      const xhat = normalize(sample.flat(2), 1e-5);
      const per = h * w;
      out[i].flat(2).forEach((v, k) => expect(v).toBeCloseTo(gamma[Math.floor(k / per)] * xhat[k] + beta[Math.floor(k / per)], 12));
    });
  });

  it("groups = C is instance norm: each example's channel over its H·W values", () => {
    const { out } = groupnormForward(x, gamma, beta, c, 1e-5);
    x.forEach((sample, i) =>
      sample.forEach((plane, ch) => {
        const xhat = normalize(plane.flat(), 1e-5);
        out[i][ch].flat().forEach((v, k) => expect(v).toBeCloseTo(gamma[ch] * xhat[k] + beta[ch], 12));
      }),
    );
  });

  it("throws when groups does not divide C (and for groups < 1 or non-integers)", () => {
    for (const groups of [4, 0, -2, 1.5]) {
      expect(() => groupnormForward(x, gamma, beta, groups, 1e-5)).toThrow(/divides C/);
      expect(() => groupnormBackward(x, x, gamma, groups, 1e-5)).toThrow(/divides C/);
    }
  });

  for (const groups of [1, 2, 3, 6]) {
    it(`backward matches centred differences (groups = ${groups})`, () => {
      const r = createRng(10 + groups);
      const dout = tensor4(r, n, c, h, w);
      const xs = tensor4(r, n, c, h, w, { std: 1.5 });
      const shifted = (k: number, delta: number) => {
        let i = 0;
        return xs.map((s) => s.map((p) => p.map((row) => row.map((v) => (i++ === k ? v + delta : v)))));
      };
      const f = (t: Tensor, g = gamma, b = beta) => loss(dout, groupnormForward(t, g, b, groups, 1e-5).out);
      const hh = 1e-5;
      const numericDx = xs.flat(3).map((_, k) => (f(shifted(k, hh)) - f(shifted(k, -hh))) / (2 * hh));
      const bump = (v: number[], k: number, d: number) => v.map((e, j) => (j === k ? e + d : e));
      const numericDgamma = gamma.map((_, k) => (f(xs, bump(gamma, k, hh)) - f(xs, bump(gamma, k, -hh))) / (2 * hh));
      const numericDbeta = beta.map((_, k) => (f(xs, gamma, bump(beta, k, hh)) - f(xs, gamma, bump(beta, k, -hh))) / (2 * hh));
      const analytic = groupnormBackward(dout, xs, gamma, groups, 1e-5);
      expect(maxRelError(analytic.dx.flat(3), numericDx)).toBeLessThan(1e-5);
      expect(maxRelError(analytic.dgamma, numericDgamma)).toBeLessThan(1e-6);
      expect(maxRelError(analytic.dbeta, numericDbeta)).toBeLessThan(1e-6);
    });
  }

  it("reproduces the prompt's example", () => {
    const xe = [[[[1, 3]], [[5, 7]], [[0, 2]], [[2, 8]]]];
    const f = groupnormForward(xe, [1, 2, 1, -1], [0, 0, 0.5, 0], 2, 1e-5);
    expect(f.mean).toEqual([[4, 3]]);
    expect(f.variance).toEqual([[5, 9]]);
    const out = [-1.3416, -0.4472, 0.8944, 2.6833, -0.5, 0.1667, 0.3333, -1.6667];
    f.out.flat(3).forEach((v, k) => expect(v).toBeCloseTo(out[k], 4));
    const b = groupnormBackward([[[[1, 0]], [[0, 0]], [[0, 1]], [[0, 0]]]], xe, [1, 2, 1, -1], 2, 1e-5);
    const dx = [0.1342, -0.1789, -0.0447, 0.0894, -0.1111, 0.2407, -0.0926, -0.037];
    b.dx.flat(3).forEach((v, k) => expect(v).toBeCloseTo(dx[k], 4));
    const dgamma = [-1.3416, 0, -0.3333, 0];
    b.dgamma.forEach((v, k) => expect(v).toBeCloseTo(dgamma[k], 4));
    expect(b.dbeta).toEqual([1, 0, 1, 0]);
  });
});
