import { describe, expect, it } from "vitest";
import { runCovariateShiftExperiment } from "./covariate-shift";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("experiment 1: covariate shift (20 seeds)", () => {
  const results = SEEDS.map((seed) => runCovariateShiftExperiment({ seed, kernel: builtInBatchNorm }));

  it("the third layer's inputs drift less with batch norm (mean over units) in ≥ 90 % of seeds", () => {
    expect(results.filter((r) => r.batchNorm.meanDrift < r.plain.meanDrift).length).toBeGreaterThanOrEqual(18);
  });

  it("records snapshots and histograms over the whole run", () => {
    const r = results[0];
    expect(r.plain.snapshots.at(-1)!.step).toBe(150);
    expect(r.batchNorm.snapshots[0].histogram.reduce((a, b) => a + b, 0)).toBe(128);
  });
});
