/**
 * A batch-norm layer for N×D inputs with a training mode and an evaluation
 * (test-time) mode. See the prompt for the exact rules.
 */
export class BatchNorm {
  gamma: number[] = [];
  beta: number[] = [];
  runningMean: number[] = [];
  runningVar: number[] = [];
  training = true;

  constructor(numFeatures: number, options: { eps?: number; momentum?: number } = {}) {
    // TODO: one γ = 1, β = 0, running mean 0 and running variance 1 per feature;
    // remember eps (default 1e-5) and momentum (default 0.9).
    void numFeatures;
    void options;
  }

  train(): void {
    // TODO: switch to training mode
  }

  eval(): void {
    // TODO: switch to evaluation mode
  }

  forward(x: number[][]): number[][] {
    // TODO: training → batch statistics + update the running averages;
    // evaluation → running averages, no updates.
    throw new Error("not implemented: forward");
  }
}
