"use client";
/**
 * Runs one experiment at a time in a fresh Web Worker. Stop terminates the
 * worker (training may be mid-step; nothing is shared, so nothing is left
 * half-done); running again starts a new one. Each finished, failed or
 * stopped run is recorded for the instructor dashboard (best effort).
 * The built-in layer is not in this bundle: it is fetched from the server
 * (allowed users only) and sent to the worker as code, like "My batch norm".
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { ExperimentResult } from "@/lib/lab/experiments";
import type { RunRequest, WorkerMessage } from "@/lib/lab/worker-protocol";

export type LabState =
  | { status: "idle" }
  | { status: "running"; fraction: number }
  | { status: "done"; result: ExperimentResult; ms: number; layer: RunRequest["layer"]; seed: number; dataset: RunRequest["dataset"] }
  | { status: "error"; message: string; studentCode: boolean }
  | { status: "stopped" };

function record(request: LabRunRequest, outcome: "completed" | "failed" | "stopped", ms?: number) {
  const body = { experimentId: request.experiment, layer: request.layer, seed: request.seed, outcome, ms: ms === undefined ? undefined : Math.round(ms) };
  fetch("/api/lab/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => {
    // Engagement is best effort: the lab works offline from the server.
  });
}

let builtinCode: Promise<string> | null = null;

/** The built-in layer's compiled code, fetched once per page load (the route forbids caching it). */
function fetchBuiltinCode(): Promise<string> {
  builtinCode ??= fetch("/api/lab/builtin", { cache: "no-store" }).then(async (response) => {
    const body = (await response.json().catch(() => ({}))) as { code?: string; error?: string };
    if (!response.ok || typeof body.code !== "string") {
      builtinCode = null;
      throw new Error(body.error ?? `the server answered ${response.status}`);
    }
    return body.code;
  });
  return builtinCode;
}

export type LabRunRequest = Omit<RunRequest, "builtinCode">;

export function useLabWorker() {
  const [state, setState] = useState<LabState>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  const current = useRef<LabRunRequest | null>(null);

  const stopWorker = useCallback(() => {
    const w = worker.current;
    worker.current = null;
    if (!w) return;
    // A worker stopped while it loads its scripts still fires "error" (importScripts fails): nobody listens any more.
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
  }, []);

  useEffect(() => stopWorker, [stopWorker]);

  const run = useCallback(
    async (labRequest: LabRunRequest) => {
      stopWorker();
      current.current = labRequest;
      setState({ status: "running", fraction: 0 });
      let request: RunRequest = labRequest;
      if (labRequest.layer === "builtin") {
        try {
          request = { ...labRequest, builtinCode: await fetchBuiltinCode() };
        } catch (e) {
          setState({ status: "error", message: `The lab could not load its batch-norm layer: ${e instanceof Error ? e.message : String(e)}`, studentCode: false });
          record(labRequest, "failed");
          return;
        }
        // Stopped, or another run started, while the layer loaded.
        if (current.current !== labRequest) return;
      }
      const w = new Worker(new URL("../lab.worker.ts", import.meta.url), { type: "module", name: "batchnorm-lab" });
      worker.current = w;
      w.onmessage = (event: MessageEvent<WorkerMessage>) => {
        if (worker.current !== w) return;
        const m = event.data;
        if (m.type === "progress") setState({ status: "running", fraction: m.fraction });
        else if (m.type === "result") {
          // A transition: React renders the result's tables in slices and keeps the page responsive.
          startTransition(() => setState({ status: "done", result: m.result, ms: m.ms, layer: request.layer, seed: request.seed, dataset: request.dataset }));
          record(request, "completed", m.ms);
          stopWorker();
        } else {
          setState({ status: "error", message: m.message, studentCode: m.studentCode });
          record(request, "failed");
          stopWorker();
        }
      };
      w.onerror = (event) => {
        if (worker.current !== w) return;
        setState({ status: "error", message: `The lab's worker crashed: ${event.message}`, studentCode: request.layer === "mine" });
        record(request, "failed");
        stopWorker();
      };
      w.postMessage(request);
    },
    [stopWorker],
  );

  const stop = useCallback(() => {
    if (!current.current) return;
    stopWorker();
    record(current.current, "stopped");
    current.current = null;
    setState({ status: "stopped" });
  }, [stopWorker]);

  return { state, run, stop };
}
