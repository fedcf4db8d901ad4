/** What every experiment takes, and the data they share. */
import type { BatchNormKernel } from "../batchnorm-kernel";
import { makeDataset, type Split, splitDataset } from "../datasets";

export interface ExperimentInput {
  seed: number;
  /** The batch-norm layer under test: built-in (delivered by the server), or the student's own. */
  kernel: BatchNormKernel;
  onProgress?: (fraction: number) => void;
}

/** Spirals: three interleaved arms, a problem a linear model cannot solve. */
export function labData(seed: number, size = 600): Split {
  return splitDataset(makeDataset("spirals", seed, size), 0.25, seed);
}

/** Reports progress across the `parts` sub-runs of an experiment. */
export function partProgress(onProgress: ((f: number) => void) | undefined, part: number, parts: number) {
  return onProgress ? (f: number) => onProgress((part + f) / parts) : undefined;
}
