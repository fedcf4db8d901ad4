/**
 * Experiment 2 — learning-rate robustness. The same network, with and
 * without batch norm, trained at a sweep of learning rates from the same
 * initial weights and data order. The claim the test checks: at the largest
 * rates (1 and 3) the batch-norm network ends more accurate than the plain
 * one, and at rate 1 it still reaches at least 75 % validation accuracy.
 * On iris (the test's own block) only rate 3 is claimed: at rate 1 the plain
 * network often still learns the flowers.
 */
import { train } from "../train";
import { type ExperimentInput, labData, partProgress } from "./common";

export const LEARNING_RATES = [0.03, 0.1, 0.3, 1, 3];
/** Four hidden layers: depth is what makes the plain network fragile. */
export const LR_HIDDEN = [24, 24, 24, 24];

export interface RateOutcome {
  learningRate: number;
  plainLoss: number;
  batchNormLoss: number;
  plainDiverged: boolean;
  batchNormDiverged: boolean;
  plainAccuracy: number;
  batchNormAccuracy: number;
}

export interface LearningRateResult {
  rates: RateOutcome[];
  /** Loss curves at the largest rate, for the plot. */
  curves: { step: number; plain?: number; batchNorm?: number }[];
  initialLoss: number;
}

export const LR_STEPS = 100;

/** Plain SGD (no momentum), so the learning rate is the step size the sweep names. */
export function runLearningRateExperiment({ seed, kernel, onProgress, dataset }: ExperimentInput, learningRates: number[] = LEARNING_RATES): LearningRateResult {
  const data = labData(seed, 450, dataset);
  const rates: RateOutcome[] = [];
  const base = { hidden: LR_HIDDEN, steps: LR_STEPS, batchSize: 32, momentum: 0, seed, evalEvery: LR_STEPS, kernel };
  let curves: LearningRateResult["curves"] = [];
  learningRates.forEach((learningRate, i) => {
    const plain = train({ ...base, batchNorm: false, learningRate }, data, undefined, partProgress(onProgress, 2 * i, 2 * learningRates.length));
    const bn = train({ ...base, batchNorm: true, learningRate }, data, undefined, partProgress(onProgress, 2 * i + 1, 2 * learningRates.length));
    const last = (r: typeof plain) => r.history.at(-1)!;
    rates.push({
      learningRate,
      plainLoss: plain.diverged ? Number.POSITIVE_INFINITY : last(plain).validationLoss!,
      batchNormLoss: bn.diverged ? Number.POSITIVE_INFINITY : last(bn).validationLoss!,
      plainDiverged: plain.diverged,
      batchNormDiverged: bn.diverged,
      plainAccuracy: plain.diverged ? 0 : last(plain).validationAccuracy!,
      batchNormAccuracy: bn.diverged ? 0 : last(bn).validationAccuracy!,
    });
    if (i === learningRates.length - 1) {
      curves = bn.history.map((p, s) => ({ step: p.step, batchNorm: p.loss, plain: plain.history[s]?.loss }));
    }
  });
  return { rates, curves, initialLoss: Math.log(data.train.classes) };
}
