/**
 * Experiment 5 — batch norm at test time. A batch-norm network is trained,
 * then every validation example is classified ALONE (a batch of one) three
 * ways: eval mode with the running averages (right), training mode with its
 * own batch statistics (wrong: a single row has variance 0, so every unit
 * outputs β and every example gets the same prediction), and eval mode with
 * statistics recomputed on the whole training set. The claims the test
 * checks: running averages beat own-batch statistics by ≥ 30 points, and
 * running averages and whole-training-set statistics agree within 5 points.
 */
import type { Dataset } from "../datasets";
import { accuracy } from "../loss";
import { cloneNetwork, forward, type Network } from "../network";
import { train } from "../train";
import { type ExperimentInput, labData } from "./common";
import type { BatchNormKernel } from "../batchnorm-kernel";

export interface TestTimeResult {
  runningAverages: number;
  ownBatchStatistics: number;
  wholeTrainingSet: number;
  /** Distinct predicted classes with own-batch statistics (1 = the same answer for everyone). */
  distinctOwnPredictions: number;
  /** Training curve of the trained network. */
  curve: { step: number; loss: number }[];
  /** Running mean vs whole-training-set mean of the first layer's units. */
  statistics: { unit: number; runningMean: number; populationMean: number; runningVar: number; populationVar: number }[];
}

function oneAtATime(net: Network, data: Dataset, mode: "train" | "eval", kernel: BatchNormKernel): number[] {
  return data.x.map((row) => {
    const scores = forward(net, [row], mode, kernel).scores[0];
    return scores.indexOf(Math.max(...scores));
  });
}

/** Batch statistics of the whole training set, layer by layer, as running averages. */
export function withPopulationStatistics(net: Network, x: number[][], kernel: BatchNormKernel): Network {
  const copy = cloneNetwork(net);
  const pass = forward(copy, x, "train", kernel);
  copy.hidden.forEach((layer, l) => {
    layer.runningMean = pass.layers[l].mean!.slice();
    layer.runningVar = pass.layers[l].variance!.slice();
  });
  return copy;
}

export function runTestTimeExperiment({ seed, kernel, onProgress }: ExperimentInput): TestTimeResult {
  const data = labData(seed, 450);
  const trained = train({ hidden: [32, 32], batchNorm: true, learningRate: 0.05, momentum: 0.9, steps: 150, batchSize: 32, seed, kernel }, data, undefined, onProgress);
  const net = trained.net;
  const labels = data.validation.y;
  const score = (predictions: number[]) => predictions.filter((p, i) => p === labels[i]).length / labels.length;
  const own = oneAtATime(net, data.validation, "train", kernel);
  const population = withPopulationStatistics(net, data.train.x, kernel);
  const wholeSet = forward(population, data.validation.x, "eval", kernel);
  return {
    runningAverages: score(oneAtATime(net, data.validation, "eval", kernel)),
    ownBatchStatistics: score(own),
    wholeTrainingSet: accuracy(wholeSet.scores, labels),
    distinctOwnPredictions: new Set(own).size,
    curve: trained.history.map((p) => ({ step: p.step, loss: p.loss })),
    statistics: net.hidden[0].runningMean.slice(0, 8).map((m, unit) => ({
      unit,
      runningMean: m,
      populationMean: population.hidden[0].runningMean[unit],
      runningVar: net.hidden[0].runningVar[unit],
      populationVar: population.hidden[0].runningVar[unit],
    })),
  };
}
