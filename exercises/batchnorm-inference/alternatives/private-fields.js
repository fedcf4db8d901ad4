// Alternative correct solution (JavaScript): private # fields for the options,
// train()/eval() return `this` (like PyTorch), statistics computed per column.
export class BatchNorm {
  #eps;
  #momentum;
  constructor(numFeatures, options = {}) {
    this.#eps = options.eps === undefined ? 1e-5 : options.eps;
    this.#momentum = options.momentum === undefined ? 0.9 : options.momentum;
    this.gamma = Array(numFeatures).fill(1);
    this.beta = Array(numFeatures).fill(0);
    this.runningMean = Array(numFeatures).fill(0);
    this.runningVar = Array(numFeatures).fill(1);
    this.training = true;
  }
  train() {
    this.training = true;
    return this;
  }
  eval() {
    this.training = false;
    return this;
  }
  forward(x) {
    const n = x.length;
    const cols = this.gamma.map((_, j) => x.map((row) => row[j]));
    let mean = this.runningMean;
    let variance = this.runningVar;
    if (this.training) {
      mean = cols.map((c) => c.reduce((a, b) => a + b, 0) / n);
      variance = cols.map((c, j) => c.reduce((a, b) => a + (b - mean[j]) ** 2, 0) / n);
      const m = this.#momentum;
      this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * mean[j]);
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * variance[j]);
    }
    const scale = variance.map((v, j) => this.gamma[j] / Math.sqrt(v + this.#eps));
    return x.map((row) => row.map((v, j) => (v - mean[j]) * scale[j] + this.beta[j]));
  }
}
