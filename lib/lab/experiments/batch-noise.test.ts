import { describe, expect, it } from "vitest";
import { runBatchNoiseExperiment } from "./batch-noise";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("experiment 4: noise of batch statistics (20 seeds)", () => {
  const results = SEEDS.map((seed) => runBatchNoiseExperiment({ seed, kernel: builtInBatchNorm }, { gaps: false }).outcomes);

  it("one example's normalised value varies at least twice as much with batch 64 as with batch 512 in ≥ 90 % of seeds", () => {
    expect(results.filter(([small, large]) => small.noise >= 2 * large.noise).length).toBeGreaterThanOrEqual(18);
  });
});
