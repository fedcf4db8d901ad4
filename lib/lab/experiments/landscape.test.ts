import { describe, expect, it } from "vitest";
import { runLandscapeExperiment } from "./landscape";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("experiment 6: loss landscape along the gradient (20 seeds)", () => {
  const results = SEEDS.map((seed) => runLandscapeExperiment({ seed, kernel: builtInBatchNorm }));

  it("the loss varies less along the gradient with batch norm in ≥ 90 % of seeds", () => {
    expect(results.filter((r) => r.batchNorm.meanLossRange < r.plain.meanLossRange).length).toBeGreaterThanOrEqual(18);
  });

  it("the gradient changes less within a step (more predictive) with batch norm in ≥ 90 % of seeds", () => {
    expect(results.filter((r) => r.batchNorm.meanGradientChange < r.plain.meanGradientChange).length).toBeGreaterThanOrEqual(18);
  });
});
