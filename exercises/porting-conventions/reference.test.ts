/**
 * The porting reference checked independently of the grader: the prompt's
 * example, conversions that round-trip and keep test-time outputs identical,
 * PyTorch's documented special cases (momentum None is the plain average,
 * momentum 1 the last batch, momentum 0 the initial values), and the exact gap
 * to the course's own BatchNorm layer run on the same trace.
 */
import { describe, expect, it } from "vitest";
import { createRng, matrix } from "../../grader/test-kit";
import { BatchNorm } from "../batchnorm-inference/reference";
import { PyTorchPort } from "./reference";

const port = new PyTorchPort();
const column = (x: number[][], j: number) => x.map((row) => row[j]);
const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
const unbiased = (v: number[]) => v.reduce((s, a) => s + (a - mean(v)) ** 2, 0) / (v.length - 1);
const testTime = (x: number, s: { g: number; b: number; rm: number; rv: number; eps: number }) =>
  (s.g * (x - s.rm)) / Math.sqrt(s.rv + s.eps) + s.b;

describe("porting-conventions reference", () => {
  it("reproduces the prompt's example", () => {
    const t = port.toPyTorch({ gamma: [1.5], beta: [-0.5], runningMean: [0.2], runningVar: [1.3], momentum: 0.9, eps: 1e-3 });
    expect(t).toMatchObject({ weight: [1.5], bias: [-0.5], running_mean: [0.2], running_var: [1.3], eps: 0.001 });
    expect(t.momentum).toBeCloseTo(0.1, 15);
    const r = port.pytorchRunningStats([[[2, 1], [4, 1], [4, 3], [6, 3]]], 0.1);
    expect(r.running_mean[0]).toBeCloseTo(0.4, 14);
    expect(r.running_mean[1]).toBeCloseTo(0.2, 14);
    expect(r.running_var[0]).toBeCloseTo(0.9 + 0.1 * (8 / 3), 14);
    expect(r.running_var[1]).toBeCloseTo(0.9 + 0.1 * (4 / 3), 14);
    expect(r.running_var[0].toFixed(5)).toBe("1.16667");
    expect(r.running_var[1].toFixed(5)).toBe("1.03333");
    expect(r.num_batches_tracked).toBe(1);
  });

  it("round-trips and keeps every test-time output identical", () => {
    const course = { gamma: [1.2, -0.7], beta: [0.3, 2], runningMean: [1, -4], runningVar: [0.5, 3], momentum: 0.95, eps: 1e-3 };
    const torch = port.toPyTorch(course);
    const back = port.fromPyTorch(torch);
    expect(back.momentum).toBeCloseTo(course.momentum, 15);
    expect({ ...back, momentum: 0 }).toEqual({ ...course, momentum: 0 });
    for (const x of [-3, 0.5, 7]) {
      course.gamma.forEach((g, j) => {
        const ours = testTime(x, { g, b: course.beta[j], rm: course.runningMean[j], rv: course.runningVar[j], eps: course.eps });
        const theirs = testTime(x, { g: torch.weight[j], b: torch.bias[j], rm: torch.running_mean[j], rv: torch.running_var[j], eps: torch.eps });
        expect(theirs).toBe(ours);
      });
    }
  });

  it("momentum None is the plain average of the batches' means and unbiased variances", () => {
    const rng = createRng(5);
    const batches = [4, 6, 3, 5].map((n) => matrix(rng, n, 2, { min: -3, max: 5 }));
    const r = port.pytorchRunningStats(batches, null);
    for (let j = 0; j < 2; j++) {
      expect(r.running_mean[j]).toBeCloseTo(mean(batches.map((x) => mean(column(x, j)))), 12);
      expect(r.running_var[j]).toBeCloseTo(mean(batches.map((x) => unbiased(column(x, j)))), 12);
    }
    expect(r.num_batches_tracked).toBe(4);
  });

  it("momentum 1 keeps only the last batch; momentum 0 keeps the initial 0 and 1", () => {
    const rng = createRng(6);
    const batches = [5, 3].map((n) => matrix(rng, n, 3));
    const last = port.pytorchRunningStats(batches, 1);
    const frozen = port.pytorchRunningStats(batches, 0);
    for (let j = 0; j < 3; j++) {
      expect(last.running_mean[j]).toBeCloseTo(mean(column(batches[1], j)), 14);
      expect(last.running_var[j]).toBeCloseTo(unbiased(column(batches[1], j)), 14);
    }
    expect(frozen).toEqual({ running_mean: [0, 0, 0], running_var: [1, 1, 1], num_batches_tracked: 2 });
  });

  it("tracks the course layer's running mean (m = 1 − p) but a larger running variance, by the Bessel terms", () => {
    const rng = createRng(7);
    const p = 0.1;
    const batches = [4, 2, 7].map((n) => matrix(rng, n, 3));
    const torch = port.pytorchRunningStats(batches, p);
    const bn = new BatchNorm(3, { momentum: 1 - p });
    for (const x of batches) bn.forward(x);
    // PyTorch's running variance minus the course's: Σ_t p(1 − p)^(T − t) · σ²_t / (N_t − 1).
    for (let j = 0; j < 3; j++) {
      expect(torch.running_mean[j]).toBeCloseTo(bn.runningMean[j], 12);
      const gap = batches.reduce((s, x, t) => {
        const n = x.length;
        const biased = (unbiased(column(x, j)) * (n - 1)) / n;
        return s + p * (1 - p) ** (batches.length - 1 - t) * (biased / (n - 1));
      }, 0);
      expect(torch.running_var[j] - bn.runningVar[j]).toBeCloseTo(gap, 12);
      expect(gap).toBeGreaterThan(0);
    }
  });
});
