/** Known mistake: the running statistics live in static (class-wide) arrays shared by every instance. */
export const misconception = {
  message:
    "Your layers share their running statistics: they are stored on the class (static), not on each instance, so training one layer changes the running mean and variance of every other layer. Give each instance its own arrays, created in the constructor.",
  lesson: "/lessons/batchnorm-test-time#running-averages",
};

export class BatchNorm {
  // Class-wide state: reset by each constructor call, then shared by every instance.
  static sharedMean: number[] = [];
  static sharedVar: number[] = [];
  gamma: number[];
  beta: number[];
  training = true;
  private readonly eps: number;
  private readonly momentum: number;

  constructor(numFeatures: number, options: { eps?: number; momentum?: number } = {}) {
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.9;
    this.gamma = new Array(numFeatures).fill(1);
    this.beta = new Array(numFeatures).fill(0);
    BatchNorm.sharedMean = new Array(numFeatures).fill(0);
    BatchNorm.sharedVar = new Array(numFeatures).fill(1);
  }

  get runningMean(): number[] {
    return BatchNorm.sharedMean;
  }

  set runningMean(value: number[]) {
    BatchNorm.sharedMean = value;
  }

  get runningVar(): number[] {
    return BatchNorm.sharedVar;
  }

  set runningVar(value: number[]) {
    BatchNorm.sharedVar = value;
  }

  train(): void {
    this.training = true;
  }

  eval(): void {
    this.training = false;
  }

  forward(x: number[][]): number[][] {
    const d = this.gamma.length;
    if (!this.training) {
      return x.map((row) =>
        row.map((v, j) => (this.gamma[j] * (v - this.runningMean[j])) / Math.sqrt(this.runningVar[j] + this.eps) + this.beta[j]),
      );
    }
    const n = x.length;
    const mean = new Array(d).fill(0);
    const variance = new Array(d).fill(0);
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < n; i++) mean[j] += x[i][j] / n;
      for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2 / n;
    }
    const m = this.momentum;
    this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * mean[j]);
    this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * variance[j]);
    return x.map((row) => row.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]));
  }
}
