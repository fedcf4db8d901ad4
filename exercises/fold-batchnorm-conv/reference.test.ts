/**
 * The folded convolution computes exactly BN_test(conv(x; W, b)) on random
 * inputs (a real convolution with stride and padding, Cout ≠ Cin, non-square
 * kernels, negative γ); the prompt's example holds.
 */
import { describe, expect, it } from "vitest";
import { createRng, type Rng, tensor4, vector } from "../../grader/test-kit";
import { foldBatchnormConv } from "./reference";

type Tensor3 = number[][][];

/** Direct 2-D convolution of one C×H×W input: zero padding `pad`, stride `stride`. */
function conv2d(x: Tensor3, weight: number[][][][], bias: number[], stride: number, pad: number): Tensor3 {
  const [h, w] = [x[0].length, x[0][0].length];
  const [kh, kw] = [weight[0][0].length, weight[0][0][0].length];
  const outH = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const outW = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const at = (c: number, r: number, q: number) => (r < 0 || q < 0 || r >= h || q >= w ? 0 : x[c][r][q]);
  return weight.map((kernel, o) =>
    Array.from({ length: outH }, (_, r) =>
      Array.from({ length: outW }, (_, q) => {
        let sum = bias[o];
        kernel.forEach((plane, c) => {
          plane.forEach((row, i) => {
            row.forEach((tap, j) => {
              sum += tap * at(c, r * stride - pad + i, q * stride - pad + j);
            });
          });
        });
        return sum;
      }),
    ),
  );
}

function randomLayer(rng: Rng, cout: number, cin: number, kh: number, kw: number) {
  return {
    weight: tensor4(rng, cout, cin, kh, kw),
    bias: vector(rng, cout),
    bn: {
      gamma: vector(rng, cout, { min: -2, max: 2 }),
      beta: vector(rng, cout),
      runningMean: vector(rng, cout, { min: -3, max: 3 }),
      runningVar: vector(rng, cout, { min: 0.05, max: 3 }),
      eps: 1e-5,
    },
  };
}

describe("fold-batchnorm-conv reference", () => {
  it.each([
    { cout: 4, cin: 2, kh: 3, kw: 2, stride: 1, pad: 1 },
    { cout: 2, cin: 5, kh: 1, kw: 3, stride: 2, pad: 0 },
    { cout: 3, cin: 3, kh: 3, kw: 3, stride: 1, pad: 2 },
  ])("satisfies BN_test(conv(x; W, b)) = conv(x; W', b') for $cout ← $cin channels, $kh×$kw kernels", (c) => {
    const rng = createRng(`${c.cout}-${c.cin}-${c.kh}-${c.kw}`);
    const { weight, bias, bn } = randomLayer(rng, c.cout, c.cin, c.kh, c.kw);
    const folded = foldBatchnormConv(weight, bias, bn);
    for (let trial = 0; trial < 3; trial++) {
      const x = tensor4(rng, 1, c.cin, 5, 6)[0];
      const z = conv2d(x, weight, bias, c.stride, c.pad);
      const direct = conv2d(x, folded.weight, folded.bias, c.stride, c.pad);
      z.forEach((plane, o) => {
        plane.forEach((row, r) => {
          row.forEach((v, q) => {
            const bnOut = (bn.gamma[o] * (v - bn.runningMean[o])) / Math.sqrt(bn.runningVar[o] + bn.eps) + bn.beta[o];
            expect(direct[o][r][q]).toBeCloseTo(bnOut, 11);
          });
        });
      });
    }
  });

  it("does not modify its inputs", () => {
    const { weight, bias, bn } = randomLayer(createRng(3), 3, 2, 2, 3);
    const before = structuredClone({ weight, bias, bn });
    foldBatchnormConv(weight, bias, bn);
    expect({ weight, bias, bn }).toEqual(before);
  });

  it("reproduces the prompt's example", () => {
    const r = foldBatchnormConv(
      [[[[1, 2], [0, -1]]], [[[3, -1], [0.5, 0]]]],
      [0.5, -1],
      { gamma: [2, 0.5], beta: [0.1, 0], runningMean: [1, -2], runningVar: [4, 0.0625], eps: 0 },
    );
    expect(r.weight).toEqual([[[[1, 2], [0, -1]]], [[[6, -2], [1, 0]]]]);
    expect(r.bias[0]).toBeCloseTo(-0.4, 12);
    expect(r.bias[1]).toBe(2);
  });
});
