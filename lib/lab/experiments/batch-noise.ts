/**
 * Experiment 4 — the regularising side effect and the batch size (the
 * lecture's 64 vs 512). Two parts:
 * (a) the noise itself: one fixed example is put into many random
 *     mini-batches of size B, and we record what batch norm makes of it in
 *     training mode (one unit of the first layer of a trained network). Its
 *     output moves with its batch companions; the spread of that output is
 *     the noise batch norm adds.
 * (b) train and validation accuracy of networks trained with batch 64 and
 *     batch 512 (the same number of epochs), shown with their gap.
 * The test checks (a): the noise at B = 64 is at least twice the noise at
 * B = 512 in ≥ 90 % of seeds. The gaps in (b) are shown, not claimed.
 */
import { meanAndStd } from "../matrix";
import { forward } from "../network";
import { createRng, subSeed } from "../random";
import { train } from "../train";
import { type ExperimentInput, labData, partProgress } from "./common";

export const BATCH_SIZES = [64, 512] as const;
const DRAWS = 40;

export interface BatchSizeOutcome {
  batchSize: number;
  /** Spread (standard deviation) of one example's normalised unit over random batches. */
  noise: number;
  /** The example's normalised value in each random batch (for the histogram). */
  samples: number[];
  trainAccuracy: number;
  validationAccuracy: number;
  gap: number;
}

export interface BatchNoiseResult {
  outcomes: BatchSizeOutcome[];
}

export function runBatchNoiseExperiment({ seed, kernel, onProgress }: ExperimentInput, options: { gaps?: boolean } = {}): BatchNoiseResult {
  const data = labData(seed, 900);
  const reference = train({ hidden: [32, 32], batchNorm: true, learningRate: 0.05, momentum: 0.9, steps: 100, batchSize: 64, seed, kernel }, data, undefined, partProgress(onProgress, 0, 3));
  const example = data.train.x[0];
  const others = data.train.x.slice(1);
  const rng = createRng(subSeed(seed, 7));
  const outcomes = BATCH_SIZES.map((batchSize, b) => {
    const samples = Array.from({ length: DRAWS }, () => {
      const companions = rng.permutation(others.length).slice(0, batchSize - 1);
      const batch = [example, ...companions.map((i) => others[i])];
      return forward(reference.net, batch, "train", kernel).layers[0].a[0][0];
    });
    let trainAccuracy = Number.NaN;
    let validationAccuracy = Number.NaN;
    if (options.gaps !== false) {
      // Same number of epochs: 8× fewer steps with 8× larger batches.
      const steps = Math.round((10 * data.train.y.length) / batchSize);
      const run = train({ hidden: [32, 32], batchNorm: true, learningRate: 0.05, momentum: 0.9, steps, batchSize, seed, kernel, evalEvery: steps }, data, undefined, partProgress(onProgress, 1 + b, 3));
      trainAccuracy = run.history.at(-1)!.trainAccuracy!;
      validationAccuracy = run.history.at(-1)!.validationAccuracy!;
    }
    return { batchSize, noise: meanAndStd(samples).std, samples, trainAccuracy, validationAccuracy, gap: trainAccuracy - validationAccuracy };
  });
  return { outcomes };
}
