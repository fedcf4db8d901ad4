/**
 * The training loop: seeded initialisation and data order, mini-batch SGD with
 * momentum, running statistics updated in training mode, evaluation in eval
 * mode. Deterministic for a given seed. `observe` lets experiments look inside
 * (hidden units, batch statistics) without copying the loop.
 */
import type { BatchNormKernel } from "./batchnorm-kernel";
import type { Dataset } from "./datasets";
import { accuracy, type LossName, losses } from "./loss";
import { backward, type ForwardPass, forward, initNetwork, type Network, updateRunningStats } from "./network";
import { createSgd } from "./optimizer";
import { createRng, subSeed } from "./random";

export interface TrainConfig {
  hidden: number[];
  batchNorm: boolean;
  learningRate: number;
  steps: number;
  batchSize: number;
  momentum?: number;
  /** Running-average momentum (weight on the old value). */
  bnMomentum?: number;
  weightScale?: number;
  loss?: LossName;
  seed: number;
  /** Evaluate on train and validation sets every this many steps (and at the end). */
  evalEvery?: number;
  kernel: BatchNormKernel;
}

export interface HistoryPoint {
  step: number;
  loss: number;
  trainLoss?: number;
  trainAccuracy?: number;
  validationLoss?: number;
  validationAccuracy?: number;
}

export interface TrainResult {
  net: Network;
  history: HistoryPoint[];
  /** True when the loss became NaN/∞ (training stopped there). */
  diverged: boolean;
}

export interface StepView {
  step: number;
  net: Network;
  pass: ForwardPass;
  batch: Dataset;
}

export function evaluate(net: Network, data: Dataset, kernel: BatchNormKernel, lossName: LossName = "softmax"): { loss: number; accuracy: number } {
  const pass = forward(net, data.x, "eval", kernel);
  return { loss: losses[lossName](pass.scores, data.y).loss, accuracy: accuracy(pass.scores, data.y) };
}

/** Mini-batches in a seeded order, reshuffled every epoch. */
export function* batches(data: Dataset, batchSize: number, seed: number): Generator<Dataset> {
  const rng = createRng(seed);
  for (;;) {
    const order = rng.permutation(data.y.length);
    for (let start = 0; start + batchSize <= order.length || start === 0; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      yield { x: idx.map((i) => data.x[i]), y: idx.map((i) => data.y[i]), classes: data.classes };
      if (start + batchSize > order.length) break;
    }
  }
}

export function train(
  config: TrainConfig,
  data: { train: Dataset; validation?: Dataset },
  observe?: (view: StepView) => void,
  onProgress?: (fraction: number) => void,
): TrainResult {
  const kernel = config.kernel;
  const lossName = config.loss ?? "softmax";
  const net = initNetwork(
    { inputs: data.train.x[0].length, hidden: config.hidden, outputs: data.train.classes, batchNorm: config.batchNorm, weightScale: config.weightScale },
    subSeed(config.seed, 1),
  );
  const sgd = createSgd(config.learningRate, config.momentum ?? 0.9);
  const stream = batches(data.train, Math.min(config.batchSize, data.train.y.length), subSeed(config.seed, 2));
  const history: HistoryPoint[] = [];
  const evalEvery = config.evalEvery ?? 0;
  for (let step = 1; step <= config.steps; step++) {
    const batch = stream.next().value as Dataset;
    const pass = forward(net, batch.x, "train", kernel);
    const { loss, dscores } = losses[lossName](pass.scores, batch.y);
    if (!Number.isFinite(loss)) {
      history.push({ step, loss: Number.POSITIVE_INFINITY });
      return { net, history, diverged: true };
    }
    if (net.batchNorm) updateRunningStats(net, pass, config.bnMomentum ?? 0.9);
    observe?.({ step, net, pass, batch });
    sgd.step(net, backward(net, pass, dscores, kernel));
    const point: HistoryPoint = { step, loss };
    if (evalEvery > 0 && (step % evalEvery === 0 || step === config.steps)) {
      const tr = evaluate(net, data.train, kernel, lossName);
      point.trainLoss = tr.loss;
      point.trainAccuracy = tr.accuracy;
      if (data.validation) {
        const va = evaluate(net, data.validation, kernel, lossName);
        point.validationLoss = va.loss;
        point.validationAccuracy = va.accuracy;
      }
    }
    history.push(point);
    if (onProgress && step % 10 === 0) onProgress(step / config.steps);
  }
  return { net, history, diverged: false };
}
