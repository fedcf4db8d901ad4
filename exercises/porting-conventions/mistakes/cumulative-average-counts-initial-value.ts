/** Known mistake: with momentum None, the weight 1/(t + 1) instead of 1/t. */
export const misconception = {
  message:
    "With momentum None your t-th batch gets weight 1/(t + 1), as if the initial running values were a batch of their own. PyTorch first increments num_batches_tracked and then uses 1/num_batches_tracked: the first batch gets weight 1, so the result is the plain average of the batches' statistics.",
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
      const factor = momentumPt ?? 1 / (tracked + 1);
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
