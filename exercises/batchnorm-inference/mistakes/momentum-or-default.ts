/** Known mistake: `options.momentum || 0.9` turns an explicit momentum of 0 into 0.9. */
export const misconception = {
  message:
    "Your constructor reads the momentum with `options.momentum || 0.9`, so an explicit momentum of 0 silently becomes 0.9. Use `??` (or check for undefined) so that only a missing option takes the default.",
  lesson: "/lessons/batchnorm-test-time#momentum-convention",
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
    this.momentum = options.momentum || 0.9;
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
    if (this.training) {
      const n = x.length;
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
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * variance[j]);
    }
    return x.map((row) =>
      row.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]),
    );
  }
}
