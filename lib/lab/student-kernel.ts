/**
 * "My batch norm": the student's own passing submissions (compiled to
 * CommonJS-style JS on the server, from their own code only) turned into a
 * BatchNormKernel. Runs in the student's browser, in the lab's Web Worker.
 * Every failure becomes a StudentCodeError whose message says, in words,
 * which function of theirs went wrong — the lab never falls back to the
 * built-in layer.
 */
import type { BatchNormKernel, InferenceState } from "./batchnorm-kernel";
import type { Matrix } from "./matrix";

export interface MyBatchNormCode {
  forward: string;
  backward: string;
  inference: string;
}

export class StudentCodeError extends Error {}

type Exports = Record<string, unknown>;

function loadModule(code: string, exercise: string): Exports {
  const exports: Exports = {};
  const module = { exports };
  const require = (name: string) => {
    throw new Error(`imports are not available in the lab (tried to import "${name}")`);
  };
  try {
    // The student's own code, in their own browser (the lab's worker): the same trust as running it in their console.
    new Function("exports", "module", "require", code)(exports, module, require);
  } catch (e) {
    throw new StudentCodeError(`Your ${exercise} submission failed while loading: ${message(e)}`);
  }
  return module.exports === exports ? exports : (module.exports as Exports);
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function guard<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw new StudentCodeError(`Your ${what} threw ${message(e)}`);
  }
}

export function studentKernel(code: MyBatchNormCode): BatchNormKernel {
  const fwd = loadModule(code.forward, "batchnorm-forward").batchnormForward;
  const bwd = loadModule(code.backward, "batchnorm-backward").batchnormBackward;
  const BatchNorm = loadModule(code.inference, "batchnorm-inference").BatchNorm;
  if (typeof fwd !== "function") throw new StudentCodeError("Your batchnorm-forward submission does not export a function batchnormForward.");
  if (typeof bwd !== "function") throw new StudentCodeError("Your batchnorm-backward submission does not export a function batchnormBackward.");
  if (typeof BatchNorm !== "function") throw new StudentCodeError("Your batchnorm-inference submission does not export a class BatchNorm.");
  const Layer = BatchNorm as new (
    d: number,
    o: { eps: number; momentum: number },
  ) => {
    gamma: number[];
    beta: number[];
    runningMean: number[];
    runningVar: number[];
    eval(): void;
    forward(x: Matrix): Matrix;
  };
  return {
    forward: (x, gamma, beta, eps) => {
      const r = guard("batchnormForward", () => fwd(x, gamma, beta, eps)) as ReturnType<BatchNormKernel["forward"]>;
      if (!r || typeof r !== "object") throw new StudentCodeError(`Your batchnormForward returned ${String(r)}, not { out, mean, variance }.`);
      return r;
    },
    backward: (dout, x, gamma, eps) => {
      const r = guard("batchnormBackward", () => bwd(dout, x, gamma, eps)) as ReturnType<BatchNormKernel["backward"]>;
      if (!r || typeof r !== "object") throw new StudentCodeError(`Your batchnormBackward returned ${String(r)}, not { dx, dgamma, dbeta }.`);
      return r;
    },
    inference: (x, s: InferenceState) =>
      guard("BatchNorm (eval mode)", () => {
        const layer = new Layer(s.gamma.length, { eps: s.eps, momentum: 0.9 });
        layer.gamma = s.gamma.slice();
        layer.beta = s.beta.slice();
        layer.runningMean = s.runningMean.slice();
        layer.runningVar = s.runningVar.slice();
        layer.eval();
        return layer.forward(x);
      }),
  };
}
