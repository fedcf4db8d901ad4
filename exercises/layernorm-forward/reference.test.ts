/** Layer norm is batch norm on the transposed input (with unit γ, zero β); the prompt's example holds. */
import { describe, expect, it } from "vitest";
import { createRng, matrix } from "../../grader/test-kit";
import { layernormForward } from "./reference";

const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

function batchnormUnit(x: number[][], eps: number): number[][] {
  const n = x.length;
  return x.map((row) =>
    row.map((v, j) => {
      const mean = x.reduce((s, r) => s + r[j], 0) / n;
      const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
      return (v - mean) / Math.sqrt(variance + eps);
    }),
  );
}

describe("layernorm-forward reference", () => {
  it("equals batch norm of the transpose, transposed back", () => {
    const x = matrix(createRng(3), 5, 3);
    const expected = transpose(batchnormUnit(transpose(x), 1e-5));
    const out = layernormForward(x, [1, 1, 1], [0, 0, 0], 1e-5);
    out.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
  });

  it("reproduces the prompt's example", () => {
    const out = layernormForward(
      [
        [1, 2, 3, 6],
        [10, 10, 10, 14],
      ],
      [1, 1, 2, 2],
      [0, 0, 0, 1],
      1e-5,
    );
    const expected = [-1.069, -0.5345, 0, 4.2071, -0.5773, -0.5773, -1.1547, 4.4641];
    out.flat().forEach((v, k) => expect(v).toBeCloseTo(expected[k], 4));
  });
});
