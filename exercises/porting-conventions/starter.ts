/**
 * Port a batch-norm layer between this course's convention and PyTorch's.
 * See the prompt for the exact conventions; the grader calls
 * `new PyTorchPort()` and then the three methods.
 */
type CourseState = { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; momentum: number; eps: number };
type TorchState = { weight: number[]; bias: number[]; running_mean: number[]; running_var: number[]; momentum: number; eps: number };
type TorchRunningStats = { running_mean: number[]; running_var: number[]; num_batches_tracked: number };

export class PyTorchPort {
  /** The course's layer state → PyTorch's (state_dict names, PyTorch's momentum). */
  toPyTorch(state: CourseState): TorchState {
    // TODO: rename the fields; which convention does each momentum follow?
    throw new Error("toPyTorch: not implemented");
  }

  /** PyTorch's layer state → the course's. */
  fromPyTorch(state: TorchState): CourseState {
    // TODO: the inverse of toPyTorch.
    throw new Error("fromPyTorch: not implemented");
  }

  /** The running statistics PyTorch's BatchNorm1d holds after training on `batches` in order. */
  pytorchRunningStats(batches: number[][][], momentumPt: number | null): TorchRunningStats {
    // TODO: start where PyTorch starts, then one update per batch.
    throw new Error("pytorchRunningStats: not implemented");
  }
}
