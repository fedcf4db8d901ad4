/**
 * What the lab's Web Worker does with one request: build the layer (the
 * built-in one or the student's own, both compiled code sent by the page),
 * run the experiment, report progress,
 * the result, or an error in words. Pure apart from `post`, so it is tested
 * without a browser.
 */
import type { BatchNormKernel } from "./batchnorm-kernel";
import { type ExperimentId, experimentDatasets, runExperiment } from "./experiments";
import type { LabDataset } from "./experiments/common";
import { KernelShapeError } from "./network";
import { builtinKernel, StudentCodeError, studentKernel } from "./student-kernel";
import { RunRequestSchema, type WorkerMessage } from "./worker-protocol";

export function handleRunRequest(data: unknown, post: (m: WorkerMessage) => void, now: () => number = () => performance.now()): void {
  const parsed = RunRequestSchema.safeParse(data);
  if (!parsed.success) {
    post({ type: "error", message: "The lab sent an invalid request.", studentCode: false });
    return;
  }
  const request = parsed.data;
  const dataset = (request.dataset ?? "spirals") as LabDataset;
  if (!experimentDatasets(request.experiment as ExperimentId).includes(dataset)) {
    post({ type: "error", message: `This experiment does not run on ${dataset}.`, studentCode: false });
    return;
  }
  const mine = request.layer === "mine";
  try {
    let kernel: BatchNormKernel;
    if (mine) {
      if (!request.myCode) throw new StudentCodeError("Your batch norm is not available: pass batchnorm-forward, batchnorm-backward and batchnorm-inference first.");
      kernel = studentKernel(request.myCode);
    } else {
      if (!request.builtinCode) throw new Error("the built-in layer was not sent with the request.");
      kernel = builtinKernel(request.builtinCode);
    }
    const started = now();
    let lastPost = -Infinity;
    const result = runExperiment(request.experiment as ExperimentId, {
      seed: request.seed,
      dataset,
      kernel,
      onProgress: (fraction) => {
        // Throttled: a few messages a second are enough for a progress bar.
        if (now() - lastPost > 100) {
          lastPost = now();
          post({ type: "progress", fraction });
        }
      },
    });
    post({ type: "result", result, ms: now() - started });
  } catch (e) {
    if (e instanceof StudentCodeError) post({ type: "error", message: e.message, studentCode: true });
    else if (mine && e instanceof KernelShapeError) post({ type: "error", message: `Your batch norm returned the wrong shape: ${e.message}`, studentCode: true });
    else if (mine) post({ type: "error", message: `The lab stopped while running your batch norm: ${e instanceof Error ? e.message : String(e)}`, studentCode: true });
    else post({ type: "error", message: `The lab failed: ${e instanceof Error ? e.message : String(e)}`, studentCode: false });
  }
}
