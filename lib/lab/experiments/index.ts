/**
 * The six experiments, one per claim of the lecture, with the words the lab
 * shows. Every "what the test checks" sentence is a claim test in this folder
 * (20 seeds, the ordering must hold in ≥ 18); nothing else is claimed.
 */
import { type BatchNoiseResult, runBatchNoiseExperiment } from "./batch-noise";
import type { ExperimentInput, LabDataset } from "./common";
import { type CovariateShiftResult, runCovariateShiftExperiment } from "./covariate-shift";
import { type InitScaleResult, runInitScaleExperiment } from "./init-scale";
import { type LandscapeResult, runLandscapeExperiment } from "./landscape";
import { type LearningRateResult, runLearningRateExperiment } from "./learning-rate";
import { runTestTimeExperiment, type TestTimeResult } from "./test-time";

export type ExperimentResult =
  | { id: "covariate-shift"; result: CovariateShiftResult }
  | { id: "learning-rate"; result: LearningRateResult }
  | { id: "init-scale"; result: InitScaleResult }
  | { id: "batch-noise"; result: BatchNoiseResult }
  | { id: "test-time"; result: TestTimeResult }
  | { id: "landscape"; result: LandscapeResult };

export type ExperimentId = ExperimentResult["id"];

export interface ExperimentInfo {
  id: ExperimentId;
  title: string;
  /** The lecture's claim, in one sentence. */
  claim: string;
  /** What the experiment does. */
  setup: string;
  /** What the claim test checks over 20 seeds. */
  checked: string;
  takeaway: string;
  /** The lesson section it illustrates. */
  lesson: string;
  /**
   * Offered on the iris flowers too (a choice beside the seed): what its own
   * claim test checks there. `checked` above is about spirals.
   */
  iris?: { checked: string };
}

export const experiments: ExperimentInfo[] = [
  {
    id: "covariate-shift",
    title: "1. Covariate shift",
    claim: "Batch norm keeps the distribution of a deeper layer's inputs from moving while earlier layers learn.",
    setup:
      "A network with three hidden layers of 32 units trains on spirals (150 steps, batch 32). Every 10 steps a fixed batch of 128 training points goes through it and we record what the third layer's units pass to their ReLU: the pre-activation in the plain network, batch norm's output γ·x̂ + β in the other. Drift is the largest change of a unit's mean plus the change of its spread, in units of its spread at the start.",
    checked: "Averaged over the layer's 32 units, the drift was smaller with batch norm in at least 18 of 20 seeds.",
    takeaway: "With batch norm, a deeper layer's inputs keep the mean and spread that β and γ set, however the earlier layers change.",
    lesson: "/lessons/why-batchnorm-works",
  },
  {
    id: "learning-rate",
    title: "2. Learning-rate robustness",
    claim: "A batch-norm network tolerates larger learning rates.",
    setup:
      "The same network (four hidden layers of 24 units) with and without batch norm trains on spirals (or the iris flowers) for 100 steps of plain SGD, batch 32, from the same weights and data order, at learning rates from 0.03 to 3. We report validation accuracy (chance is 33 %).",
    checked:
      "At learning rates 1 and 3 the batch-norm network ended more accurate than the plain one, and at rate 1 it still reached at least 75 % validation accuracy, in at least 18 of 20 seeds.",
    takeaway: "Batch norm keeps a deep network trainable at learning rates where the plain network fails.",
    lesson: "/lessons/why-batchnorm-works",
    iris: {
      checked:
        "At learning rate 3 the batch-norm network ended more accurate than the plain one and reached at least 75 % validation accuracy, in at least 18 of 20 seeds. At rate 1 the plain network often still learns the flowers, so only rate 3 is claimed there.",
    },
  },
  {
    id: "init-scale",
    title: "3. Initialisation scale",
    claim: "With batch norm, the scale of the initial weights matters much less (CS231n's weight-scale experiment).",
    setup:
      "Every weight is drawn with one standard deviation, from 0.001 to 3 (and He initialisation). Four hidden layers of 24 units, 100 steps of SGD with momentum 0.9, learning rate 0.05, batch 32, on spirals (or the iris flowers).",
    checked:
      "At weight scales 0.01 and 1 the batch-norm network reached at least 85 % validation accuracy while the plain network stayed at or below 45 % (chance is 33 %), in at least 18 of 20 seeds.",
    takeaway: "Batch norm rescales every layer's signal, so a poor weight scale no longer stops a deep network from learning.",
    lesson: "/lessons/why-batchnorm-works",
    iris: {
      checked:
        "At weight scales 0.01 and 1 the batch-norm network reached at least 85 % validation accuracy while the plain network stayed at or below 45 % (chance is 33 %), in at least 18 of 20 seeds.",
    },
  },
  {
    id: "batch-noise",
    title: "4. Noisy batch statistics and batch size",
    claim: "Mini-batch statistics are noisy, which regularises slightly; larger batches mean less noise.",
    setup:
      "One training example is put into 40 random mini-batches of 64 and of 512, and we record what a trained batch-norm layer outputs for it (first unit of the first layer) in training mode. Its value moves with its batch companions. Then networks are trained with batch 64 and batch 512 for the same number of epochs, and we show their train and validation accuracy.",
    checked:
      "The example's value varied at least twice as much (standard deviation) with batch 64 as with batch 512 in at least 18 of 20 seeds. The train–validation gaps are shown, not claimed: on this data they are small and their order is not reliable.",
    takeaway: "Batch statistics add noise to every hidden unit, and larger batches add less — the source of batch norm's slight, accidental regularisation.",
    lesson: "/lessons/why-batchnorm-works",
  },
  {
    id: "test-time",
    title: "5. Test time: one example at a time",
    claim: "At test time, normalise with running averages tracked during training, not with the statistics of the test batch.",
    setup:
      "A batch-norm network (two hidden layers of 32) trains on spirals. Then each validation example is classified alone, as a batch of one: in eval mode with the running averages, and (wrongly) in training mode with its own batch statistics. Finally, the running averages are replaced by statistics computed on the whole training set.",
    checked:
      "Running averages beat own-batch statistics by at least 30 points of accuracy, own-batch statistics gave every example the same prediction, and running averages and whole-training-set statistics agreed within 5 points, in at least 18 of 20 seeds.",
    takeaway: "A single example normalised with its own statistics becomes β — use the running averages at test time.",
    lesson: "/lessons/batchnorm-test-time",
  },
  {
    id: "landscape",
    title: "6. The modern counterpoint: a smoother landscape",
    claim: "Santurkar et al. (2018): batch norm's benefit comes mostly from making the loss landscape smoother.",
    setup:
      "Both networks (three hidden layers of 24) train with SGD at learning rate 0.2. Every 10 steps we take the mini-batch gradient g and look along it: the loss and the gradient at θ − η·g for η from ¼ to 4 times the learning rate. We record the loss range and the largest change of the gradient (gradient predictiveness).",
    checked: "Averaged over the run, both the loss range and the gradient change were smaller with batch norm in at least 18 of 20 seeds.",
    takeaway: "Along the gradient, the loss and its gradient change more gently with batch norm, so larger steps are safe.",
    lesson: "/lessons/why-batchnorm-works",
  },
];

export const experimentIds = experiments.map((e) => e.id);

export function isExperimentId(id: string): id is ExperimentId {
  return (experimentIds as string[]).includes(id);
}

export function experimentInfo(id: ExperimentId): ExperimentInfo {
  return experiments.find((e) => e.id === id)!;
}

/** The data sets an experiment may run on (spirals always; iris where its claim test covers it). */
export function experimentDatasets(id: ExperimentId): LabDataset[] {
  return experimentInfo(id).iris ? ["spirals", "iris"] : ["spirals"];
}

export function runExperiment(id: ExperimentId, input: ExperimentInput): ExperimentResult {
  switch (id) {
    case "covariate-shift":
      return { id, result: runCovariateShiftExperiment(input) };
    case "learning-rate":
      return { id, result: runLearningRateExperiment(input) };
    case "init-scale":
      return { id, result: runInitScaleExperiment(input) };
    case "batch-noise":
      return { id, result: runBatchNoiseExperiment(input) };
    case "test-time":
      return { id, result: runTestTimeExperiment(input) };
    case "landscape":
      return { id, result: runLandscapeExperiment(input) };
  }
}
