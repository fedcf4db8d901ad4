/** Known mistake: the running variance accumulates the unbiased (N − 1) batch variance. */
export const misconception = {
  message:
    "Your running variance averages the unbiased batch variance (divided by N − 1). This course keeps the biased batch variance (divide by N) in the running average, the same σ² used to normalize in training; PyTorch's unbiased running variance is a different convention.",
  lesson: "/lessons/batchnorm-test-time#pytorch-differences",
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
    let mean = this.runningMean;
    let variance = this.runningVar;
    const n = x.length;
    if (this.training) {
      mean = new Array(d).fill(0);
      variance = new Array(d).fill(0);
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < n; i++) mean[j] += x[i][j];
        mean[j] /= n;
        for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2;
        variance[j] /= n;
      }
      const m = this.momentum;
      this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * mean[j]);
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * ((variance[j] * n) / (n - 1 || 1)));
    }
    return x.map((row) =>
      row.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]),
    );
  }
}
