/** Known mistake: running averages are also updated in evaluation mode. */
export const misconception = {
  message:
    "Your layer updates its running averages in evaluation mode too. At test time the network must not learn from test data: running averages change only in training mode.",
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
    let mean = this.runningMean;
    let variance = this.runningVar;
    // The update below runs in both modes: it is missing an `if (this.training)`.
    {
      const n = x.length;
      const batchMean: number[] = new Array(d).fill(0);
      const batchVar: number[] = new Array(d).fill(0);
      if (this.training) {
        mean = batchMean;
        variance = batchVar;
      }
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < n; i++) batchMean[j] += x[i][j];
        batchMean[j] /= n;
        for (let i = 0; i < n; i++) batchVar[j] += (x[i][j] - batchMean[j]) ** 2;
        batchVar[j] /= n;
      }
      const m = this.momentum;
      this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * batchMean[j]);
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * batchVar[j]);
    }
    return x.map((row) =>
      row.map((v, j) => (this.gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]),
    );
  }
}
