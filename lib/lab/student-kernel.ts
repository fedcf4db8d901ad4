/**
 * Compiled batch-norm code (CommonJS-style JS from the server) turned into a
 * BatchNormKernel, in the lab's Web Worker. Two sources, run the same way:
 * "My batch norm", the student's own passing submissions, where every failure
 * becomes a StudentCodeError saying, in words, which function of theirs went
 * wrong (the lab never falls back to the built-in layer); and the lab's
 * built-in layer, which the server sends only to those allowed to see it
 * (GET /api/lab/builtin) — this bundle never contains it.
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

export function studentKernel(code: MyBatchNormCode): BatchNormKernel {
  const fwd = loadModule(code.forward, "batchnorm-forward").batchnormForward;
  const bwd = loadModule(code.backward, "batchnorm-backward").batchnormBackward;
  const BatchNorm = loadModule(code.inference, "batchnorm-inference").BatchNorm;
  if (typeof fwd !== "function") throw new StudentCodeError("Your batchnorm-forward submission does not export a function batchnormForward.");
  if (typeof bwd !== "function") throw new StudentCodeError("Your batchnorm-backward submission does not export a function batchnormBackward.");
  if (typeof BatchNorm !== "function") throw new StudentCodeError("Your batchnorm-inference submission does not export a class BatchNorm.");
  return kernelFromExports({ batchnormForward: fwd, batchnormBackward: bwd, BatchNorm }, "Your");
}

/** The lab's built-in layer, compiled by the server: one module with all three exports. Its failures are the lab's, not the student's. */
export function builtinKernel(code: string): BatchNormKernel {
  const exports: Exports = {};
  new Function("exports", "module", "require", code)(exports, { exports }, () => {
    throw new Error("the built-in layer has no imports");
  });
  const { batchnormForward, batchnormBackward, BatchNorm } = exports;
  if (typeof batchnormForward !== "function" || typeof batchnormBackward !== "function" || typeof BatchNorm !== "function") {
    throw new Error("the server sent an incomplete built-in layer");
  }
  return kernelFromExports({ batchnormForward, batchnormBackward, BatchNorm }, "The lab's");
}

/* biome-ignore lint/complexity/noBannedTypes: compiled modules export plain functions */
type AnyFunction = Function;

/** A kernel over the exercises' three exports; `owner` ("Your", "The lab's") starts every error message. */
export function kernelFromExports(
  exports: { batchnormForward: AnyFunction; batchnormBackward: AnyFunction; BatchNorm: AnyFunction },
  owner: string,
): BatchNormKernel {
  const fwd = exports.batchnormForward as (...args: unknown[]) => unknown;
  const bwd = exports.batchnormBackward as (...args: unknown[]) => unknown;
  const BatchNorm = exports.BatchNorm;
  const ErrorType = owner === "Your" ? StudentCodeError : Error;
  const guard = <T>(what: string, call: () => T): T => {
    try {
      return call();
    } catch (e) {
      throw new ErrorType(`${owner} ${what} threw ${message(e)}`);
    }
  };
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
      if (!r || typeof r !== "object") throw new ErrorType(`${owner} batchnormForward returned ${String(r)}, not { out, mean, variance }.`);
      return r;
    },
    backward: (dout, x, gamma, eps) => {
      const r = guard("batchnormBackward", () => bwd(dout, x, gamma, eps)) as ReturnType<BatchNormKernel["backward"]>;
      if (!r || typeof r !== "object") throw new ErrorType(`${owner} batchnormBackward returned ${String(r)}, not { dx, dgamma, dbeta }.`);
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
