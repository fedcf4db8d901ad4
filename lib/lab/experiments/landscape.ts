/**
 * Experiment 6 — the modern counterpoint (Santurkar et al., 2018): batch norm
 * makes the loss landscape smoother. Both networks train with the same
 * learning rate; every few steps we stand still, take the gradient g of the
 * current mini-batch and look along it: the loss L(θ − η·g) and the gradient
 * there for step sizes η from ¼ to 4 times the learning rate. Two measures per
 * look: the loss range (max − min over η) and gradient predictiveness, the
 * largest ‖∇L(θ − η·g) − g‖ (how far the gradient turns within a step).
 * The claim the test checks: both are smaller with batch norm (averaged over
 * the run) in ≥ 90 % of seeds.
 */
import type { BatchNormKernel } from "../batchnorm-kernel";
import { type LossName, losses } from "../loss";
import { backward, cloneNetwork, forward, type Network, parameterRows, parameters } from "../network";
import { train } from "../train";
import type { Dataset } from "../datasets";
import { type ExperimentInput, labData, partProgress } from "./common";

export const LANDSCAPE_LR = 0.2;
const MULTIPLIERS = [0.25, 0.5, 1, 2, 4];
const EVERY = 10;

export interface Look {
  step: number;
  lossMin: number;
  lossMax: number;
  gradientChange: number;
}

export interface LandscapeRun {
  looks: Look[];
  meanLossRange: number;
  meanGradientChange: number;
}

export interface LandscapeResult {
  plain: LandscapeRun;
  batchNorm: LandscapeRun;
}

function gradientAt(net: Network, batch: Dataset, kernel: BatchNormKernel, lossName: LossName) {
  const pass = forward(net, batch.x, "train", kernel);
  const { loss, dscores } = losses[lossName](pass.scores, batch.y);
  const flat = parameterRows(net, backward(net, pass, dscores, kernel)).flatMap(([, g]) => g);
  return { loss, flat };
}

function lookAlongGradient(net: Network, batch: Dataset, kernel: BatchNormKernel, step: number): Look {
  const here = gradientAt(net, batch, kernel, "softmax");
  let lossMin = here.loss;
  let lossMax = here.loss;
  let gradientChange = 0;
  for (const m of MULTIPLIERS) {
    const moved = cloneNetwork(net);
    let k = 0;
    for (const p of parameters(moved)) for (let j = 0; j < p.length; j++) p[j] -= m * LANDSCAPE_LR * here.flat[k++];
    const there = gradientAt(moved, batch, kernel, "softmax");
    const loss = Number.isFinite(there.loss) ? there.loss : Number.MAX_VALUE;
    lossMin = Math.min(lossMin, loss);
    lossMax = Math.max(lossMax, loss);
    gradientChange = Math.max(gradientChange, Math.hypot(...there.flat.map((g, i) => g - here.flat[i])));
  }
  return { step, lossMin, lossMax, gradientChange };
}

function follow(batchNorm: boolean, input: ExperimentInput, part: number): LandscapeRun {
  const kernel = input.kernel;
  const data = labData(input.seed, 450);
  const looks: Look[] = [];
  const config = { hidden: [24, 24, 24], batchNorm, learningRate: LANDSCAPE_LR, momentum: 0, steps: 100, batchSize: 32, seed: input.seed, kernel };
  train(config, data, (view) => (view.step - 1) % EVERY === 0 && looks.push(lookAlongGradient(view.net, view.batch, kernel, view.step)), partProgress(input.onProgress, part, 2));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { looks, meanLossRange: mean(looks.map((l) => l.lossMax - l.lossMin)), meanGradientChange: mean(looks.map((l) => l.gradientChange)) };
}

export function runLandscapeExperiment(input: ExperimentInput): LandscapeResult {
  return { plain: follow(false, input, 0), batchNorm: follow(true, input, 1) };
}
