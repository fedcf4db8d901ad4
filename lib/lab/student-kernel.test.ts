import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSubmission } from "@/grader/engine/compile";
import { builtInBatchNorm } from "./server/builtin-kernel";
import { runTestTimeExperiment } from "./experiments/test-time";
import { type MyBatchNormCode, studentKernel } from "./student-kernel";
import { handleRunRequest } from "./worker-handler";
import type { WorkerMessage } from "./worker-protocol";

function compiled(path: string): string {
  const r = compileSubmission(readFileSync(path, "utf8"), "typescript");
  if (!r.ok) throw new Error("compile failed");
  return r.module.code;
}

// Stand-ins for a student's passing submissions: the exercises' model solutions, compiled as the server compiles them.
const passing: MyBatchNormCode = {
  forward: compiled("exercises/batchnorm-forward/reference.ts"),
  backward: compiled("exercises/batchnorm-backward/reference.ts"),
  inference: compiled("exercises/batchnorm-inference/reference.ts"),
};

function run(myCode: MyBatchNormCode | undefined, experiment = "test-time"): WorkerMessage[] {
  const messages: WorkerMessage[] = [];
  handleRunRequest({ type: "run", experiment, seed: 1, layer: "mine", myCode }, (m) => messages.push(m));
  return messages;
}

describe("my batch norm in the lab", () => {
  it("a correct implementation gives the built-in layer's results", () => {
    const mine = runTestTimeExperiment({ seed: 3, kernel: studentKernel(passing) });
    const builtIn = runTestTimeExperiment({ seed: 3, kernel: builtInBatchNorm });
    expect(mine.runningAverages).toBe(builtIn.runningAverages);
    mine.curve.forEach((p, i) => expect(p.loss).toBeCloseTo(builtIn.curve[i].loss, 8));
  });

  it("the worker runs an experiment with it and reports progress and the result", () => {
    const messages = run(passing);
    expect(messages.at(-1)!.type).toBe("result");
  });

  it("says in words when the student's forward throws", () => {
    const last = run({ ...passing, forward: 'exports.batchnormForward = () => { throw new Error("not yet"); };' }).at(-1)!;
    expect(last).toMatchObject({ type: "error", studentCode: true });
    expect(last.type === "error" && last.message).toContain("Your batchnormForward threw Error: not yet");
  });

  it("says in words when the student's backward returns the wrong shape", () => {
    const last = run({ ...passing, backward: "exports.batchnormBackward = (dout, x, g) => ({ dx: dout.slice(1), dgamma: g, dbeta: g });" }).at(-1)!;
    expect(last.type === "error" && last.message).toMatch(/^Your batch norm returned the wrong shape: batch norm backward's dx should have \d+ rows/);
  });

  it("says so when a submission does not export what the lab needs, or is missing", () => {
    expect(run({ ...passing, inference: "exports.Other = 1;" }).at(-1)).toMatchObject({ type: "error", message: "Your batchnorm-inference submission does not export a class BatchNorm." });
    expect(run(undefined).at(-1)).toMatchObject({ type: "error", studentCode: true });
  });

  it("never falls back to the built-in layer: a wrong inference changes the test-time result", () => {
    // A layer whose eval mode ignores its input: every example gets the same prediction.
    const broken = {
      ...passing,
      inference: "exports.BatchNorm = class { constructor(d) { this.gamma = []; } eval() {} forward(x) { return x.map((r) => r.map(() => 0)); } };",
    };
    const mine = runTestTimeExperiment({ seed: 3, kernel: studentKernel(broken) });
    const builtIn = runTestTimeExperiment({ seed: 3, kernel: builtInBatchNorm });
    expect(mine.runningAverages).not.toBe(builtIn.runningAverages);
  });

  it("rejects an invalid request", () => {
    const messages: WorkerMessage[] = [];
    handleRunRequest({ type: "run", experiment: "nope", seed: 1, layer: "builtin" }, (m) => messages.push(m));
    expect(messages).toEqual([{ type: "error", message: "The lab sent an invalid request.", studentCode: false }]);
  });
});
