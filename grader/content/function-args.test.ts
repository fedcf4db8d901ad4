/**
 * The function catalog tests pass as arguments: the host copy computes what
 * independent implementations compute, markers are validated at load, and
 * `$call` feeds one export's value into another. The sandbox side (same
 * source) is covered through real gradings in grade-functions.test.ts.
 */
import { describe, expect, it } from "vitest";
import { batchnormForward } from "../../exercises/batchnorm-forward/reference";
import { layernormForward } from "../../exercises/layernorm-forward/reference";
import { hasMarkers, markerProblem, reviveArgs } from "./function-args";
import { createRng, matrix, vector } from "../test-kit";

type F = (x: number[][]) => number[][];
const make = (spec: object) => reviveArgs([spec], {})[0] as F;

describe("function catalog (host side)", () => {
  const rng = createRng(5);
  const x = matrix(rng, 5, 3);
  const gamma = vector(rng, 3);
  const beta = vector(rng, 3);

  it("batchnorm and layernorm equal the exercises' references, bit for bit or within rounding", () => {
    const bn = make({ $fn: "batchnorm", gamma, beta, eps: 1e-5 })(x);
    batchnormForward(x, gamma, beta, 1e-5).out.forEach((row, i) => row.forEach((v, j) => expect(bn[i][j]).toBeCloseTo(v, 12)));
    const ln = make({ $fn: "layernorm", gamma, beta, eps: 1e-5 })(x);
    layernormForward(x, gamma, beta, 1e-5).forEach((row, i) => row.forEach((v, j) => expect(ln[i][j]).toBeCloseTo(v, 12)));
  });

  it("tanh is elementwise and affine is x·W + b with the output's own width", () => {
    expect(make({ $fn: "tanh" })([[0, 1]])).toEqual([[0, Math.tanh(1)]]);
    expect(make({ $fn: "affine", weight: [[1, 2, 3]], bias: [0, 0, 1] })([[2], [-1]])).toEqual([
      [2, 4, 7],
      [-1, -2, -2],
    ]);
  });

  it("never writes into its argument, and later changes to the spec do not leak in", () => {
    const spec = { $fn: "batchnorm", gamma: [1, 1], beta: [0, 0], eps: 1e-5 };
    const f = make(spec);
    const input = [
      [1, 2],
      [3, 5],
    ];
    const before = f(input);
    spec.gamma[0] = 100;
    expect(input).toEqual([
      [1, 2],
      [3, 5],
    ]);
    expect(f(input)).toEqual(before);
  });

  it("$call passes the value of another entry, with $fn markers revived inside", () => {
    const entries = { twice: (g: F, v: number[][]) => g(v).map((r) => r.map((t) => 2 * t)) };
    const [value, plain] = reviveArgs([{ $call: "twice", args: [{ $fn: "tanh" }, [[0]]] }, [[7]]], entries);
    expect(value).toEqual([[0]]);
    expect(plain).toEqual([[7]]);
    expect(() => reviveArgs([{ $call: "missing", args: [] }], entries)).toThrow();
    // only the table's own names: nothing inherited from Object.prototype is callable
    expect(() => reviveArgs([{ $call: "toString", args: [] }], entries)).toThrow(/cannot call toString/);
  });

  it("load-time validation names the problem", () => {
    expect(markerProblem([{ $fn: "tanh" }, [[1]]], ["gradCheck"])).toBeNull();
    expect(markerProblem([{ $fn: "eval" }], ["gradCheck"])).toMatch(/unknown \$fn "eval"/);
    expect(markerProblem([{ $call: "relError", args: [] }], ["gradCheck"])).toMatch(/not the entry/);
    expect(markerProblem([{ $call: "gradCheck", args: [{ $call: "gradCheck", args: [] }] }], ["gradCheck"])).toMatch(/cannot contain another/);
    expect(hasMarkers([[1], { a: 1 }])).toBe(false);
    expect(hasMarkers([[1], { $fn: "tanh" }])).toBe(true);
  });
});
