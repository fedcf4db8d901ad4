import { describe, expect, it } from "vitest";
import { runLearningRateExperiment } from "./learning-rate";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("experiment 2: learning-rate robustness (20 seeds)", () => {
  const outcomes = SEEDS.map((seed) => runLearningRateExperiment({ seed, kernel: builtInBatchNorm }, [1, 3]).rates);

  it("at rates 1 and 3 the batch-norm network ends more accurate than the plain one in ≥ 90 % of seeds", () => {
    for (const r of [0, 1]) {
      const holds = outcomes.filter((o) => o[r].batchNormAccuracy > o[r].plainAccuracy).length;
      expect(holds, `rate ${outcomes[0][r].learningRate}`).toBeGreaterThanOrEqual(18);
    }
  });

  it("at rate 1 the batch-norm network still trains (validation accuracy ≥ 75 %) in ≥ 90 % of seeds", () => {
    expect(outcomes.filter((o) => o[0].batchNormAccuracy >= 0.75).length).toBeGreaterThanOrEqual(18);
  });
});

describe("experiment 2 on the iris flowers (20 seeds)", () => {
  const outcomes = SEEDS.map((seed) => runLearningRateExperiment({ seed, kernel: builtInBatchNorm, dataset: "iris" }, [3]).rates[0]);

  it("at rate 3 the batch-norm network ends more accurate than the plain one and reaches ≥ 75 % in ≥ 90 % of seeds", () => {
    expect(outcomes.filter((o) => o.batchNormAccuracy > o.plainAccuracy && o.batchNormAccuracy >= 0.75).length).toBeGreaterThanOrEqual(18);
  });
});
