/**
 * Analytic gradients the gradient-check tests hand to the student's checker:
 * the correct batch-norm dx (the batchnorm-backward reference) and known-buggy
 * ones (from that exercise's mistake bank). Trusted host code, used by
 * tests.ts only; never sent to a browser.
 */
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormBackward as dropsMeanPath } from "../batchnorm-backward/mistakes/dropped-mean-path";
import { batchnormBackward as epsMissing } from "../batchnorm-backward/mistakes/eps-missing";

export const correctDx = (dout: number[][], x: number[][], gamma: number[], eps: number) => batchnormBackward(dout, x, gamma, eps).dx;
export const dxWithoutMeanPath = (dout: number[][], x: number[][], gamma: number[], eps: number) => dropsMeanPath(dout, x, gamma, eps).dx;
export const dxWithoutEps = (dout: number[][], x: number[][], gamma: number[], eps: number) => epsMissing(dout, x, gamma, eps).dx;
