/** Known mistake: PyTorch's momentum used as the weight on the old running value. */
export const misconception = {
  message:
    "Your trace keeps momentumPt of the old running value: r ← p·r + (1 − p)·μ. PyTorch's momentum weighs the NEW batch: r ← (1 − p)·r + p·μ, so with the default 0.1 the running statistics move slowly.",
  lesson: "/lessons/batchnorm-test-time#pytorch-differences",
};

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
        runningMean[j] = factor * runningMean[j] + (1 - factor) * mean;
        runningVar[j] = factor * runningVar[j] + (1 - factor) * unbiased;
      }
    }
    return { running_mean: runningMean, running_var: runningVar, num_batches_tracked: tracked };
  }
}
