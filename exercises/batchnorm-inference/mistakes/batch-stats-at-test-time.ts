/** Known mistake: evaluation mode normalizes with the batch's own statistics. */
export const misconception = {
  message:
    "In evaluation mode your layer normalizes with the statistics of the batch it is given. At test time examples may arrive one at a time (a single row has variance 0), so evaluation must use the running averages learned in training.",
  lesson: "/lessons/batchnorm-test-time#train-versus-eval",
};

export class BatchNorm {
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
  training = true;
  private readonly eps: number;
  private readonly momentum: number;

  constructor(numFeatures: number, options: { eps?: number; momentum?: number } = {}) {
    // `??`, not `||`: an explicit momentum of 0 is a legitimate choice.
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.9;
    this.gamma = new Array(numFeatures).fill(1);
    this.beta = new Array(numFeatures).fill(0);
    this.runningMean = new Array(numFeatures).fill(0);
    this.runningVar = new Array(numFeatures).fill(1);
  }

  train(): void {
    this.training = true;
  }

  eval(): void {
    this.training = false;
  }

  forward(x: number[][]): number[][] {
    const d = this.gamma.length;
    const n = x.length;
    const mean: number[] = new Array(d).fill(0);
    const variance: number[] = new Array(d).fill(0);
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < n; i++) mean[j] += x[i][j];
      mean[j] /= n;
      for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2;
      variance[j] /= n;
    }
    if (this.training) {
      const m = this.momentum;
      this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * mean[j]);
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * variance[j]);
    }
    return x.map((row) =>
      row.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]),
    );
  }
}
