// The worker runs the built-in layer only from the code the server sends it (GET /api/lab/builtin).
import { describe, expect, it } from "vitest";
import { builtinLayerCode } from "./server/builtin-source";
import { handleRunRequest } from "./worker-handler";
import type { WorkerMessage } from "./worker-protocol";

function runInWorker(request: Record<string, unknown>): WorkerMessage[] {
  const messages: WorkerMessage[] = [];
  handleRunRequest({ type: "run", experiment: "test-time", seed: 2, layer: "builtin", ...request }, (m) => messages.push(m));
  return messages;
}

describe("the lab worker's built-in layer", () => {
  it("refuses to run without the server's code (the worker has no layer of its own)", () => {
    expect(runInWorker({}).at(-1)).toEqual({ type: "error", message: "The lab failed: the built-in layer was not sent with the request.", studentCode: false });
  });

  it("runs the experiment with the compiled code the route sends", async () => {
    const last = runInWorker({ builtinCode: await builtinLayerCode() }).at(-1);
    expect(last?.type).toBe("result");
    if (last?.type === "result") expect(last.result.id).toBe("test-time");
  });

  it("runs an experiment that offers iris on iris, and refuses iris for one that does not", async () => {
    const builtinCode = await builtinLayerCode();
    const messages: WorkerMessage[] = [];
    handleRunRequest({ type: "run", experiment: "init-scale", seed: 2, layer: "builtin", dataset: "iris", builtinCode }, (m) => messages.push(m));
    const last = messages.at(-1);
    if (last?.type !== "result" || last.result.id !== "init-scale") throw new Error("no init-scale result");
    // Iris keeps 38 of its 150 flowers for validation (spirals at this size: 113): every accuracy is k / 38.
    for (const s of last.result.result.scales) expect(Math.abs(s.batchNormAccuracy * 38 - Math.round(s.batchNormAccuracy * 38))).toBeLessThan(1e-9);
    expect(runInWorker({ builtinCode, dataset: "iris" }).at(-1)).toEqual({ type: "error", message: "This experiment does not run on iris.", studentCode: false });
  });

  it("reports a broken layer as the lab's failure, not the student's", () => {
    const last = runInWorker({ builtinCode: "exports.batchnormForward = () => { throw new Error('boom'); };" }).at(-1);
    expect(last).toEqual({ type: "error", message: "The lab failed: the server sent an incomplete built-in layer", studentCode: false });
  });
});
