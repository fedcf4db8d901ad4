/**
 * The numbers and identities that the "Porting to PyTorch" section
 * (batchnorm-test-time) and the "Folding into a convolution" section
 * (beyond-batchnorm) state, recomputed from the exercises' references. Kept
 * beside lesson-claims.test.ts, in its own file, so parallel content work does
 * not collide in one file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, matrix, tensor4, vector } from "../../grader/test-kit";
import { BatchNorm } from "../batchnorm-inference/reference";
import { foldBatchnormConv } from "../fold-batchnorm-conv/reference";
import { PyTorchPort } from "../porting-conventions/reference";

const lessonsDir = path.dirname(fileURLToPath(import.meta.url));
// The dense fold is another exercise's reference: compared only while that exercise is in the course
// (content is data — removing its folder must not break this file).
const denseFoldFile = path.join(lessonsDir, "..", "fold-batchnorm", "reference.ts");
type DenseFold = (w: number[][], b: number[], bn: Parameters<typeof foldBatchnormConv>[2]) => { weight: number[][]; bias: number[] };
const lesson = (id: string) => readFileSync(path.join(lessonsDir, `${id}.md`), "utf8");
const quiz = (id: string) => JSON.parse(readFileSync(path.join(lessonsDir, "..", "quizzes", `${id}.json`), "utf8"));

describe("batchnorm-test-time: porting to PyTorch", () => {
  const text = lesson("batchnorm-test-time");
  const batch = [[2], [4], [4], [6]];

  it("worked example: 2, 4, 4, 6 with p = 0.1 gives PyTorch r_μ = 0.4, r_σ² ≈ 1.16667 and the course 1.1", () => {
    const torch = new PyTorchPort().pytorchRunningStats([batch], 0.1);
    expect(torch.running_mean[0]).toBeCloseTo(0.4, 14);
    expect(torch.running_var[0].toFixed(5)).toBe("1.16667");
    expect((8 / 3).toFixed(5)).toBe("2.66667");
    const course = new BatchNorm(1, { momentum: 0.9 });
    course.forward(batch);
    expect(course.runningMean[0]).toBeCloseTo(0.4, 14);
    expect(course.runningVar[0]).toBeCloseTo(1.1, 14);
    for (const claim of ["8/3 \\approx 2.66667", "0.1 \\cdot 4 = 0.4", "\\approx 1.16667", "0.9 + 0.1 \\cdot 2 = 1.1"]) {
      expect(text).toContain(claim);
    }
  });

  it("no momentum makes the course's running variance equal PyTorch's on a trace (the gap is in what is blended)", () => {
    const rng = createRng(21);
    const batches = [4, 3, 6].map((n) => matrix(rng, n, 1, { min: -2, max: 3 }));
    const torch = new PyTorchPort().pytorchRunningStats(batches, 0.1);
    const gaps = [0.5, 0.8, 0.9, 0.95, 0.99].map((m) => {
      const bn = new BatchNorm(1, { momentum: m });
      for (const x of batches) bn.forward(x);
      return Math.abs(bn.runningVar[0] - torch.running_var[0]);
    });
    expect(Math.min(...gaps)).toBeGreaterThan(1e-3);
  });

  it("momentum None: the quiz's batches with means 2, 5, 11 end at running_mean 6", () => {
    const batches = [2, 5, 11].map((mu) => [[mu - 1], [mu + 1]]);
    expect(new PyTorchPort().pytorchRunningStats(batches, null).running_mean[0]).toBeCloseTo(6, 14);
    const question = quiz("batchnorm-test-time").questions.find((q: { id: string }) => q.id === "porting-momentum-none");
    expect(question.answer).toBe(6);
  });
});

describe("beyond-batchnorm: folding into a convolution", () => {
  const text = lesson("beyond-batchnorm");

  it("worked example: γ = 0.5, r_σ² = 0.0625, ε = 0 gives s = 2 and, with b = −1, r_μ = −2, β = 0, b' = 2", () => {
    const folded = foldBatchnormConv([[[[1.5]]]], [-1], { gamma: [0.5], beta: [0], runningMean: [-2], runningVar: [0.0625], eps: 0 });
    expect(folded.weight[0][0][0][0]).toBe(3);
    expect(folded.bias[0]).toBe(2);
    expect(text).toContain("s = 0.5 / 0.25 = 2");
    expect(text).toContain("2\\,(-1 + 2) + 0 = 2");
  });

  it.skipIf(!existsSync(denseFoldFile))("a dense layer is a convolution with 1×1 kernels on a 1×1 image: both folds agree", async () => {
    const { foldBatchnorm } = (await import(/* @vite-ignore */ pathToFileURL(denseFoldFile).href)) as { foldBatchnorm: DenseFold };
    const rng = createRng(22);
    const weight = matrix(rng, 3, 4);
    const bias = vector(rng, 3);
    const bn = { gamma: vector(rng, 3), beta: vector(rng, 3), runningMean: vector(rng, 3), runningVar: vector(rng, 3, { min: 0.1, max: 2 }), eps: 1e-5 };
    const dense = foldBatchnorm(weight, bias, bn);
    const conv = foldBatchnormConv(
      weight.map((row) => row.map((w) => [[w]])),
      bias,
      bn,
    );
    expect(conv.weight.map((k) => k.map((plane) => plane[0][0]))).toEqual(dense.weight);
    expect(conv.bias).toEqual(dense.bias);
  });

  it("the quiz's scale count: kernels 64×32×3×3 use one factor per output channel", () => {
    const rng = createRng(23);
    const weight = tensor4(rng, 64, 32, 3, 3);
    const bn = { gamma: vector(rng, 64), beta: vector(rng, 64), runningMean: vector(rng, 64), runningVar: vector(rng, 64, { min: 0.1, max: 2 }), eps: 1e-5 };
    const folded = foldBatchnormConv(weight, vector(rng, 64), bn);
    const ratios = folded.weight.map((kernel, o) => {
      const original = weight[o].flat(2);
      return kernel.flat(2).map((v, t) => v / original[t]);
    });
    for (const r of ratios) for (const v of r) expect(v).toBeCloseTo(r[0], 10);
    expect(new Set(ratios.map((r) => r[0].toPrecision(10))).size).toBe(64);
    const question = quiz("beyond-batchnorm").questions.find((q: { id: string }) => q.id === "conv-fold-scale-count");
    expect(question.answer).toBe(64);
  });
});
