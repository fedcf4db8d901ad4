import { describe, expect, it } from "vitest";
import { runInitScaleExperiment } from "./init-scale";
import { builtInBatchNorm } from "../server/builtin-kernel";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe.each(["spirals", "iris"] as const)("experiment 3: initialisation scale on %s (20 seeds)", (dataset) => {
  const outcomes = SEEDS.map((seed) => runInitScaleExperiment({ seed, kernel: builtInBatchNorm, dataset }, [0.01, 1]).scales);

  for (const [index, scale] of [
    [0, 0.01],
    [1, 1],
  ]) {
    it(`at weight scale ${scale} batch norm reaches ≥ 85 % and the plain network stays ≤ 45 % in ≥ 90 % of seeds`, () => {
      const holds = outcomes.filter((o) => o[index].batchNormAccuracy >= 0.85 && o[index].plainAccuracy <= 0.45).length;
      expect(holds).toBeGreaterThanOrEqual(18);
    });
  }
});
