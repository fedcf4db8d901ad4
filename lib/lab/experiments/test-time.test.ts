import { describe, expect, it } from "vitest";
import { runTestTimeExperiment } from "./test-time";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("experiment 5: test time (20 seeds)", () => {
  const results = SEEDS.map((seed) => runTestTimeExperiment({ seed, kernel: builtInBatchNorm }));

  it("one example at a time: running averages beat own-batch statistics by ≥ 30 points in ≥ 90 % of seeds", () => {
    expect(results.filter((r) => r.runningAverages - r.ownBatchStatistics >= 0.3).length).toBeGreaterThanOrEqual(18);
  });

  it("own-batch statistics give every example the same prediction (a single row normalises to β)", () => {
    expect(results.filter((r) => r.distinctOwnPredictions === 1).length).toBeGreaterThanOrEqual(18);
  });

  it("running averages and whole-training-set statistics agree within 5 points in ≥ 90 % of seeds", () => {
    expect(results.filter((r) => Math.abs(r.runningAverages - r.wholeTrainingSet) <= 0.05).length).toBeGreaterThanOrEqual(18);
  });
});
