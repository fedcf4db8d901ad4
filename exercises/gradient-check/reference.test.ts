/**
 * Proves the gradient-check reference independently of the grader: its
 * numerical gradients agree with exact analytic gradients of the catalog
 * functions the tests use (tanh, an affine map, batch norm through the
 * batchnorm-backward reference), its relError follows the formula, and the
 * prompt's example holds. Also pins the numbers the "checker as a tool" tests
 * rely on: a correct dx measures far below 1e-6, the buggy ones far above.
 */
import { describe, expect, it } from "vitest";
import { reviveArgs } from "../../grader/content/function-args";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormBackward as dropsMeanPath } from "../batchnorm-backward/mistakes/dropped-mean-path";
import { batchnormBackward as epsMissing } from "../batchnorm-backward/mistakes/eps-missing";
import { gradCheck, relError } from "./reference";

/** The analytic gradients handed to the student's checker: batchnorm-backward's reference and two of its known mistakes. */
const correctDx = (dout: number[][], x: number[][], gamma: number[], eps: number) => batchnormBackward(dout, x, gamma, eps).dx;
const dxWithoutMeanPath = (dout: number[][], x: number[][], gamma: number[], eps: number) => dropsMeanPath(dout, x, gamma, eps).dx;
const dxWithoutEps = (dout: number[][], x: number[][], gamma: number[], eps: number) => epsMissing(dout, x, gamma, eps).dx;

type F = (x: number[][]) => number[][];
const catalog = (spec: object) => reviveArgs([spec], {})[0] as F;

describe("gradient-check reference", () => {
  it("matches the exact gradient of tanh: (1 − tanh²)·dout", () => {
    const rng = createRng(31);
    const x = matrix(rng, 4, 3);
    const dout = matrix(rng, 4, 3);
    const exact = x.map((row, i) => row.map((v, j) => (1 - Math.tanh(v) ** 2) * dout[i][j]));
    expect(relError(gradCheck(catalog({ $fn: "tanh" }), x, dout, 1e-5), exact)).toBeLessThan(1e-8);
  });

  it("matches the exact gradient of an affine map with a wider output: dout·Wᵀ", () => {
    const rng = createRng(32);
    const weight = matrix(rng, 3, 5);
    const x = matrix(rng, 4, 3);
    const dout = matrix(rng, 4, 5);
    const exact = x.map((_, i) => weight.map((wRow) => wRow.reduce((s, w, k) => s + w * dout[i][k], 0)));
    const numeric = gradCheck(catalog({ $fn: "affine", weight, bias: vector(rng, 5) }), x, dout, 1e-5);
    expect(numeric.length).toBe(4);
    expect(numeric[0].length).toBe(3);
    expect(relError(numeric, exact)).toBeLessThan(1e-6); // linear: exact up to rounding
  });

  it("tells the correct batch-norm dx from the buggy ones by orders of magnitude", () => {
    const rng = createRng(33);
    const x = matrix(rng, 6, 3, { std: 1.5 });
    const dout = matrix(rng, 6, 3);
    const gamma = [1.2, -0.7, 2];
    const f = catalog({ $fn: "batchnorm", gamma, beta: [0.1, 0.2, -0.3], eps: 1e-5 });
    const numeric = gradCheck(f, x, dout, 1e-5);
    expect(relError(numeric, correctDx(dout, x, gamma, 1e-5))).toBeLessThan(1e-7);
    expect(relError(numeric, dxWithoutMeanPath(dout, x, gamma, 1e-5))).toBeGreaterThan(1e-2);
    const fWideEps = catalog({ $fn: "batchnorm", gamma, beta: [0, 0, 0], eps: 1e-2 });
    const subtle = relError(gradCheck(fWideEps, x, dout, 1e-5), dxWithoutEps(dout, x, gamma, 1e-2));
    expect(subtle).toBeGreaterThan(1e-4);
    expect(subtle).toBeLessThan(1e-1);
  });

  it("relError: worst entry, symmetric, 0 where both are 0, at most 1", () => {
    expect(relError([[1, -2], [0.5, 3]], [[1.1, -2], [0.5, 3]])).toBeCloseTo(0.1 / 2.1, 12);
    expect(relError([[0, 2]], [[0, 2]])).toBe(0);
    expect(relError([[3, 1]], [[-3, 1]])).toBe(1);
    const a = [[0.3, 5, -1e-3]];
    const b = [[0.31, 5.2, -2e-3]];
    expect(relError(a, b)).toBe(relError(b, a));
  });

  it("reproduces the prompt's example and never modifies x or dout", () => {
    const x = [[1, -2], [3, 0.5]];
    const dout = [[1, 1], [2, 0]];
    const square: F = (v) => v.map((row) => row.map((t) => t * t));
    const g = gradCheck(square, x, dout, 1e-5);
    [[2, -4], [12, 0]].forEach((row, i) => row.forEach((v, j) => expect(g[i][j]).toBeCloseTo(v, 6)));
    expect(x).toEqual([[1, -2], [3, 0.5]]);
    expect(dout).toEqual([[1, 1], [2, 0]]);
  });
});
