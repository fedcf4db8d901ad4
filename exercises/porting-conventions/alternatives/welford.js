// Alternative correct solution (JavaScript): per-batch statistics by Welford's
// one-pass update, and an explicit null check for PyTorch's momentum=None.
export class PyTorchPort {
  toPyTorch(s) {
    return {
      weight: s.gamma.slice(),
      bias: s.beta.slice(),
      running_mean: s.runningMean.slice(),
      running_var: s.runningVar.slice(),
      momentum: 1 - s.momentum,
      eps: s.eps,
    };
  }

  fromPyTorch(s) {
    return {
      gamma: s.weight.slice(),
      beta: s.bias.slice(),
      runningMean: s.running_mean.slice(),
      runningVar: s.running_var.slice(),
      momentum: 1 - s.momentum,
      eps: s.eps,
    };
  }

  pytorchRunningStats(batches, momentumPt) {
    const d = batches[0][0].length;
    const mean = Array(d).fill(0);
    const variance = Array(d).fill(1);
    let tracked = 0;
    for (const x of batches) {
      tracked++;
      const f = momentumPt === null ? 1 / tracked : momentumPt;
      for (let j = 0; j < d; j++) {
        let mu = 0;
        let m2 = 0;
        x.forEach((row, i) => {
          const delta = row[j] - mu;
          mu += delta / (i + 1);
          m2 += delta * (row[j] - mu);
        });
        mean[j] += f * (mu - mean[j]);
        variance[j] += f * (m2 / (x.length - 1) - variance[j]);
      }
    }
    return { running_mean: mean, running_var: variance, num_batches_tracked: tracked };
  }
}
