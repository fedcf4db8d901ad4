/** The reference agrees with ordinary batch norm on the (N·H·W)×C layout and with the prompt's example. */
import { describe, expect, it } from "vitest";
import { createRng, tensor4, vector } from "../../grader/test-kit";
import { spatialBatchnormForward } from "./reference";

function batchnorm(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  const n = x.length;
  return x.map((row) =>
    row.map((v, j) => {
      const mean = x.reduce((s, r) => s + r[j], 0) / n;
      const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
      return (gamma[j] * (v - mean)) / Math.sqrt(variance + eps) + beta[j];
    }),
  );
}

describe("spatial-batchnorm-forward reference", () => {
  it("equals batch norm after moving C last and reshaping to (N·H·W)×C", () => {
    const rng = createRng(7);
    const [n, c, h, w] = [3, 4, 2, 5];
    const x = tensor4(rng, n, c, h, w);
    const gamma = vector(rng, c);
    const beta = vector(rng, c);
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) for (let a = 0; a < h; a++) for (let b = 0; b < w; b++) rows.push(x[i].map((plane) => plane[a][b]));
    const flat = batchnorm(rows, gamma, beta, 1e-5);
    const out = spatialBatchnormForward(x, gamma, beta, 1e-5);
    let r = 0;
    for (let i = 0; i < n; i++)
      for (let a = 0; a < h; a++)
        for (let b = 0; b < w; b++, r++) for (let k = 0; k < c; k++) expect(out[i][k][a][b]).toBeCloseTo(flat[r][k], 12);
  });

  it("reproduces the prompt's example", () => {
    const x = [
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [0, 0],
          [2, 2],
        ],
      ],
      [
        [
          [5, 6],
          [7, 8],
        ],
        [
          [4, 4],
          [6, 6],
        ],
      ],
    ];
    const out = spatialBatchnormForward(x, [1, 2], [0, -1], 1e-5);
    const expected = [-1.5275, -1.0911, -0.6547, -0.2182, -3.6833, -3.6833, -1.8944, -1.8944, 0.2182, 0.6547, 1.0911, 1.5275, -0.1056, -0.1056, 1.6833, 1.6833];
    out.flat(3).forEach((v, k) => expect(v).toBeCloseTo(expected[k], 4));
  });
});
