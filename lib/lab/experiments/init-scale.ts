/**
 * Experiment 3 — initialisation scale (after CS231n's weight-scale sweep).
 * Every weight is drawn with one standard deviation; the same network with
 * and without batch norm is trained from each scale. The claim the test
 * checks: at a tiny scale (0.01) and a large one (1) the plain network stays
 * at chance (its signals vanish or explode through four layers) while the
 * batch-norm network reaches ≥ 85 % validation accuracy — on spirals and,
 * tested apart, on iris.
 */
import { train } from "../train";
import { type ExperimentInput, labData, partProgress } from "./common";

/** `null` stands for He initialisation, √(2 / fan-in) ≈ 0.29 for 24 inputs. */
export const WEIGHT_SCALES: (number | null)[] = [0.001, 0.01, 0.1, null, 1, 3];

export interface ScaleOutcome {
  weightScale: number | null;
  label: string;
  plainAccuracy: number;
  batchNormAccuracy: number;
  plainDiverged: boolean;
  batchNormDiverged: boolean;
}

export interface InitScaleResult {
  scales: ScaleOutcome[];
}

export function runInitScaleExperiment({ seed, kernel, onProgress, dataset }: ExperimentInput, scales: (number | null)[] = WEIGHT_SCALES): InitScaleResult {
  const data = labData(seed, 450, dataset);
  const base = { hidden: [24, 24, 24, 24], steps: 100, batchSize: 32, momentum: 0.9, learningRate: 0.05, seed, evalEvery: 100, kernel };
  const outcomes = scales.map((ws, i) => {
    const weightScale = ws ?? undefined;
    const plain = train({ ...base, batchNorm: false, weightScale }, data, undefined, partProgress(onProgress, 2 * i, 2 * scales.length));
    const bn = train({ ...base, batchNorm: true, weightScale }, data, undefined, partProgress(onProgress, 2 * i + 1, 2 * scales.length));
    const acc = (r: typeof plain) => (r.diverged ? 0 : r.history.at(-1)!.validationAccuracy!);
    return {
      weightScale: ws,
      label: ws === null ? "He" : String(ws),
      plainAccuracy: acc(plain),
      batchNormAccuracy: acc(bn),
      plainDiverged: plain.diverged,
      batchNormDiverged: bn.diverged,
    };
  });
  return { scales: outcomes };
}
