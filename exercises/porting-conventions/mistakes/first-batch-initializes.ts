/** Known mistake: the first batch's statistics copied into the running statistics instead of blended in. */
export const misconception = {
  message:
    "Your trace sets the running statistics to the first batch's values and only blends from the second batch on. PyTorch blends every batch, the first included, into the initial running_mean = 0 and running_var = 1: after one batch with momentum 0.1, running_mean is 0.1·μ, not μ.",
  lesson: "/lessons/batchnorm-test-time#porting-to-pytorch",
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
      const factor = tracked === 1 ? 1 : (momentumPt ?? 1 / tracked);
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
