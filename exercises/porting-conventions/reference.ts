/**
 * Reference solution: convert a batch-norm layer's state between the course's
 * convention and PyTorch's, and replay a training trace the way PyTorch's
 * BatchNorm1d updates its running statistics.
 *
 * A snapshot converts by renaming and inverting momentum (PyTorch's weighs the
 * NEW value); the stored running variance is copied, because both use it the
 * same way at test time. Only the UPDATE differs: PyTorch blends in the
 * unbiased batch variance σ²·N/(N − 1), and momentum null means a cumulative
 * average with factor 1/num_batches_tracked.
 */
type CourseState = { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; momentum: number; eps: number };
type TorchState = { weight: number[]; bias: number[]; running_mean: number[]; running_var: number[]; momentum: number; eps: number };
type TorchRunningStats = { running_mean: number[]; running_var: number[]; num_batches_tracked: number };

export class PyTorchPort {
  toPyTorch(state: CourseState): TorchState {
    return {
      weight: [...state.gamma],
      bias: [...state.beta],
      running_mean: [...state.runningMean],
      running_var: [...state.runningVar],
      momentum: 1 - state.momentum,
      eps: state.eps,
    };
  }

  fromPyTorch(state: TorchState): CourseState {
    return {
      gamma: [...state.weight],
      beta: [...state.bias],
      runningMean: [...state.running_mean],
      runningVar: [...state.running_var],
      momentum: 1 - state.momentum,
      eps: state.eps,
    };
  }

  pytorchRunningStats(batches: number[][][], momentumPt: number | null): TorchRunningStats {
    const features = batches[0][0].length;
    const runningMean = new Array<number>(features).fill(0);
    const runningVar = new Array<number>(features).fill(1);
    let tracked = 0;
    for (const x of batches) {
      tracked += 1;
      const factor = momentumPt ?? 1 / tracked;
      const n = x.length;
      for (let j = 0; j < features; j++) {
        const mean = x.reduce((s, row) => s + row[j], 0) / n;
        const biased = x.reduce((s, row) => s + (row[j] - mean) ** 2, 0) / n;
        const unbiased = (biased * n) / (n - 1);
        runningMean[j] = (1 - factor) * runningMean[j] + factor * mean;
        runningVar[j] = (1 - factor) * runningVar[j] + factor * unbiased;
      }
    }
    return { running_mean: runningMean, running_var: runningVar, num_batches_tracked: tracked };
  }
}
