/** Known mistake: ε left out of the evaluation-mode normalization. */
export const misconception = {
  message:
    "In evaluation mode you divide by √(running variance) without ε. Test time uses the same formula as training, with the running statistics in place of the batch ones: γ(x − r_μ)/√(r_σ² + ε) + β.",
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
    if (!this.training) {
      return x.map((row) => row.map((v, j) => (this.gamma[j] * (v - this.runningMean[j])) / Math.sqrt(this.runningVar[j]) + this.beta[j]));
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
