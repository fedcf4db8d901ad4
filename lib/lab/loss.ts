/** Losses on the network's scores; each returns the mean loss and d(loss)/d(scores). */
import type { Matrix } from "./matrix";

export interface LossResult {
  loss: number;
  dscores: Matrix;
}

/** Softmax cross-entropy, averaged over the batch (max-shifted for stability). */
export function softmaxCrossEntropy(scores: Matrix, labels: number[]): LossResult {
  const n = scores.length;
  let loss = 0;
  const dscores = scores.map((row, i) => {
    const max = Math.max(...row);
    const exps = row.map((s) => Math.exp(s - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    loss += Math.log(sum) - (row[labels[i]] - max);
    return exps.map((e, j) => (e / sum - (j === labels[i] ? 1 : 0)) / n);
  });
  return { loss: loss / n, dscores };
}

/** Mean squared error against one-hot targets, ½·mean over examples of the squared norm. */
export function meanSquaredError(scores: Matrix, labels: number[]): LossResult {
  const n = scores.length;
  let loss = 0;
  const dscores = scores.map((row, i) =>
    row.map((s, j) => {
      const diff = s - (j === labels[i] ? 1 : 0);
      loss += (0.5 * diff * diff) / n;
      return diff / n;
    }),
  );
  return { loss, dscores };
}

export type LossName = "softmax" | "mse";

export const losses: Record<LossName, (scores: Matrix, labels: number[]) => LossResult> = {
  softmax: softmaxCrossEntropy,
  mse: meanSquaredError,
};

export function accuracy(scores: Matrix, labels: number[]): number {
  let correct = 0;
  scores.forEach((row, i) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
    if (best === labels[i]) correct++;
  });
  return correct / labels.length;
}
