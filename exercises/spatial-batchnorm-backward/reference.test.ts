/**
 * Proves the reference gradient right independently of the grader: it matches
 * centred-difference gradients (h = 1e-5) of L = Σ dout ⊙ SBN(x), it equals
 * batch-norm backward on the (N·H·W)×C layout, and it reproduces the prompt's
 * example.
 */
import { describe, expect, it } from "vitest";
import { createRng, tensor4, vector } from "../../grader/test-kit";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { spatialBatchnormForward } from "../spatial-batchnorm-forward/reference";
import { spatialBatchnormBackward } from "./reference";

type Tensor = number[][][][];
const loss = (dout: Tensor, y: Tensor) => y.flat(3).reduce((s, v, k) => s + v * dout.flat(3)[k], 0);
const maxRelError = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[k]))));

function numericalDx(dout: Tensor, x: Tensor, gamma: number[], beta: number[], eps: number, h = 1e-5): number[] {
  const flat = x.flat(3);
  return flat.map((_, k) => {
    const shifted = (delta: number) => {
      let i = 0;
      return x.map((s) => s.map((p) => p.map((r) => r.map((v) => (i++ === k ? v + delta : v)))));
    };
    return (loss(dout, spatialBatchnormForward(shifted(h), gamma, beta, eps)) - loss(dout, spatialBatchnormForward(shifted(-h), gamma, beta, eps))) / (2 * h);
  });
}

describe("spatial-batchnorm-backward reference", () => {
  for (const [n, c, hh, ww, seed] of [
    [2, 3, 2, 2, 1],
    [1, 2, 3, 2, 2],
    [3, 2, 1, 2, 3],
  ] as const) {
    it(`dx matches centred differences for ${n}×${c}×${hh}×${ww}`, () => {
      const rng = createRng(seed);
      const dout = tensor4(rng, n, c, hh, ww);
      const x = tensor4(rng, n, c, hh, ww, { std: 1.5 });
      const gamma = vector(rng, c, { min: -2, max: 2 });
      const beta = vector(rng, c);
      const analytic = spatialBatchnormBackward(dout, x, gamma, 1e-5);
      expect(maxRelError(analytic.dx.flat(3), numericalDx(dout, x, gamma, beta, 1e-5))).toBeLessThan(1e-5);
    });
  }

  it("equals batch-norm backward after moving C last and reshaping to (N·H·W)×C", () => {
    const rng = createRng(9);
    const [n, c, hh, ww] = [3, 4, 2, 3];
    const dout = tensor4(rng, n, c, hh, ww);
    const x = tensor4(rng, n, c, hh, ww);
    const gamma = vector(rng, c, { min: 0.5, max: 2 });
    const rowsOf = (t: Tensor) => {
      const rows: number[][] = [];
      for (let i = 0; i < n; i++) for (let a = 0; a < hh; a++) for (let b = 0; b < ww; b++) rows.push(t[i].map((plane) => plane[a][b]));
      return rows;
    };
    const flat = batchnormBackward(rowsOf(dout), rowsOf(x), gamma, 1e-5);
    const r = spatialBatchnormBackward(dout, x, gamma, 1e-5);
    rowsOf(r.dx).forEach((row, k) => row.forEach((v, j) => expect(v).toBeCloseTo(flat.dx[k][j], 12)));
    r.dgamma.forEach((v, j) => expect(v).toBeCloseTo(flat.dgamma[j], 12));
    r.dbeta.forEach((v, j) => expect(v).toBeCloseTo(flat.dbeta[j], 12));
  });

  it("reproduces the prompt's example", () => {
    const x = [
      [[[1, 3]], [[0, 4]]],
      [[[5, 7]], [[2, 2]]],
    ];
    const dout = [
      [[[1, 0]], [[0, 1]]],
      [[[0, 0]], [[-1, 0]]],
    ];
    const r = spatialBatchnormBackward(dout, x, [2, 1], 1e-5);
    expect(r.dbeta).toEqual([1, 0]);
    expect(r.dgamma[0]).toBeCloseTo(-1.3416, 4);
    expect(r.dgamma[1]).toBeCloseTo(Math.SQRT2, 4);
    const expected = [0.2683, -0.3578, 0.3536, 0.3536, -0.0894, 0.1789, -Math.SQRT1_2, 0];
    r.dx.flat(3).forEach((v, k) => expect(v).toBeCloseTo(expected[k], 4));
  });
});
