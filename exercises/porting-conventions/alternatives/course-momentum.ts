// Alternative correct solution (TypeScript): translate PyTorch's momentum into
// the course's (m = 1 − p) and run the course's update r ← m·r + (1 − m)·v on
// the unbiased variance; momentum None is computed as an explicit running sum
// divided by the number of batches.
type CourseState = { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; momentum: number; eps: number };
type TorchState = { weight: number[]; bias: number[]; running_mean: number[]; running_var: number[]; momentum: number; eps: number };

function columnStats(x: number[][], j: number): { mean: number; unbiased: number } {
  const n = x.length;
  let mean = 0;
  for (const row of x) mean += row[j];
  mean /= n;
  let ss = 0;
  for (const row of x) ss += (row[j] - mean) * (row[j] - mean);
  return { mean, unbiased: ss / (n - 1) };
}

export class PyTorchPort {
  toPyTorch({ gamma, beta, runningMean, runningVar, momentum, eps }: CourseState): TorchState {
    return { weight: gamma.map((v) => v), bias: beta.map((v) => v), running_mean: runningMean.map((v) => v), running_var: runningVar.map((v) => v), momentum: 1 - momentum, eps };
  }

  fromPyTorch(s: TorchState): CourseState {
    const momentum = 1 - s.momentum;
    return { gamma: s.weight.map((v) => v), beta: s.bias.map((v) => v), runningMean: s.running_mean.map((v) => v), runningVar: s.running_var.map((v) => v), momentum, eps: s.eps };
  }

  pytorchRunningStats(batches: number[][][], momentumPt: number | null) {
    const d = batches[0][0].length;
    if (momentumPt === null) {
      const sumMean = new Array<number>(d).fill(0);
      const sumVar = new Array<number>(d).fill(0);
      for (const x of batches) {
        for (let j = 0; j < d; j++) {
          const { mean, unbiased } = columnStats(x, j);
          sumMean[j] += mean;
          sumVar[j] += unbiased;
        }
      }
      const t = batches.length;
      return { running_mean: sumMean.map((v) => v / t), running_var: sumVar.map((v) => v / t), num_batches_tracked: t };
    }
    const m = 1 - momentumPt;
    const rMean = new Array<number>(d).fill(0);
    const rVar = new Array<number>(d).fill(1);
    for (const x of batches) {
      for (let j = 0; j < d; j++) {
        const { mean, unbiased } = columnStats(x, j);
        rMean[j] = m * rMean[j] + (1 - m) * mean;
        rVar[j] = m * rVar[j] + (1 - m) * unbiased;
      }
    }
    return { running_mean: rMean, running_var: rVar, num_batches_tracked: batches.length };
  }
}
