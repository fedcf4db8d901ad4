// Alternative correct solution (TypeScript): plain loops, in-place updates of
// the running arrays, and the test-time path written as a separate method.
export class BatchNorm {
  gamma: number[] = [];
  beta: number[] = [];
  runningMean: number[] = [];
  runningVar: number[] = [];
  training: boolean;
  eps: number;
  momentum: number;

  constructor(numFeatures: number, options?: { eps?: number; momentum?: number }) {
    for (let j = 0; j < numFeatures; j++) {
      this.gamma.push(1);
      this.beta.push(0);
      this.runningMean.push(0);
      this.runningVar.push(1);
    }
    this.eps = typeof options?.eps === "number" ? options.eps : 1e-5;
    this.momentum = typeof options?.momentum === "number" ? options.momentum : 0.9;
    this.training = true;
  }

  train(): void {
    this.training = true;
  }

  eval(): void {
    this.training = false;
  }

  private normalize(x: number[][], mean: number[], variance: number[]): number[][] {
    const out: number[][] = [];
    for (const row of x) {
      const y: number[] = [];
      for (let j = 0; j < row.length; j++) y.push((this.gamma[j] * (row[j] - mean[j])) / Math.sqrt(variance[j] + this.eps) + this.beta[j]);
      out.push(y);
    }
    return out;
  }

  forward(x: number[][]): number[][] {
    if (!this.training) return this.normalize(x, this.runningMean, this.runningVar);
    const d = this.gamma.length;
    const mean: number[] = [];
    const variance: number[] = [];
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (const row of x) s += row[j];
      const mu = s / x.length;
      let q = 0;
      for (const row of x) q += (row[j] - mu) * (row[j] - mu);
      mean.push(mu);
      variance.push(q / x.length);
      this.runningMean[j] = this.momentum * this.runningMean[j] + (1 - this.momentum) * mu;
      this.runningVar[j] = this.momentum * this.runningVar[j] + (1 - this.momentum) * variance[j];
    }
    return this.normalize(x, mean, variance);
  }
}
