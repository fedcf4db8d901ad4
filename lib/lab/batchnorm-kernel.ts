/**
 * The batch-norm layer as the network sees it: the three operations of the
 * course's exercises (training-mode forward, backward, test-time inference),
 * with the exercises' signatures, so a student's own submission can be dropped
 * in (student-kernel.ts). The lab's built-in layer is server-only
 * (server/reference-batchnorm.ts): it answers the exercises.
 */
import type { Matrix } from "./matrix";

export interface ForwardResult {
  out: Matrix;
  mean: number[];
  variance: number[];
}

export interface BackwardResult {
  dx: Matrix;
  dgamma: number[];
  dbeta: number[];
}

export interface InferenceState {
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
  eps: number;
}

export interface BatchNormKernel {
  /** Training mode: normalise with the batch's own statistics. */
  forward(x: Matrix, gamma: number[], beta: number[], eps: number): ForwardResult;
  backward(dout: Matrix, x: Matrix, gamma: number[], eps: number): BackwardResult;
  /** Evaluation mode: normalise with the running averages; changes nothing. */
  inference(x: Matrix, state: InferenceState): Matrix;
}
