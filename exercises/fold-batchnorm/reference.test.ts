/** The folded layer computes exactly BN_test(W·x + b) for random x; the prompt's example holds. */
import { describe, expect, it } from "vitest";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { foldBatchnorm } from "./reference";

describe("fold-batchnorm reference", () => {
  it("satisfies BN_test(W·x + b) = W'·x + b'", () => {
    const rng = createRng(11);
    const [out, inp] = [4, 3];
    const weight = matrix(rng, out, inp);
    const bias = vector(rng, out);
    const bn = {
      gamma: vector(rng, out),
      beta: vector(rng, out),
      runningMean: vector(rng, out),
      runningVar: vector(rng, out, { min: 0.1, max: 3 }),
      eps: 1e-5,
    };
    const folded = foldBatchnorm(weight, bias, bn);
    for (let trial = 0; trial < 5; trial++) {
      const x = vector(rng, inp);
      weight.forEach((row, o) => {
        const z = row.reduce((s, w, k) => s + w * x[k], bias[o]);
        const bnOut = (bn.gamma[o] * (z - bn.runningMean[o])) / Math.sqrt(bn.runningVar[o] + bn.eps) + bn.beta[o];
        const foldedOut = folded.weight[o].reduce((s, w, k) => s + w * x[k], folded.bias[o]);
        expect(foldedOut).toBeCloseTo(bnOut, 12);
      });
    }
  });

  it("reproduces the prompt's example", () => {
    const r = foldBatchnorm(
      [
        [1, 2],
        [3, -1],
      ],
      [0.5, -1],
      { gamma: [2, 0.5], beta: [0.1, 0], runningMean: [1, -2], runningVar: [4, 0.0625], eps: 0 },
    );
    expect(r.weight).toEqual([
      [1, 2],
      [6, -2],
    ]);
    expect(r.bias[0]).toBeCloseTo(-0.4, 12);
    expect(r.bias[1]).toBe(2);
  });
});
