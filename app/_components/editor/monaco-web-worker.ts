/**
 * Stands in for monaco-editor's `internal/common/workers.js` (next.config.mjs
 * aliases it here). Monaco's file defines `createWebWorker`, all its
 * TypeScript mode needs from it, but first imports every editor contribution
 * Monaco has (folding, sticky scroll, colour picker, inline completions,
 * quick access…: ~540 KB). The TypeScript mode (`tsMode.js`) is loaded lazily
 * when the first TypeScript/JavaScript model opens, so those imports cost a
 * second, serial download and a long main-thread task while the editor was
 * being drawn, to register contributions our editor never got (it was already
 * created). The code below is Monaco 0.57's `createWebWorker` (MIT) without
 * those imports; the worker comes from our MonacoEnvironment.getWorker
 * (./monaco-setup.ts).
 */
import { editor } from "monaco-editor/editor/editor.api";

interface WebWorkerOptions {
  label?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
}

type MonacoEnvironment = { getWorker?(workerId: string, label: string): Worker | Promise<Worker> };

function getWorker(label: string, createWorker?: () => Worker): Worker | Promise<Worker> {
  const environment = (globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment;
  if (environment?.getWorker) return environment.getWorker("workerMain.js", label);
  if (createWorker) return createWorker();
  throw new Error("MonacoEnvironment.getWorker is not defined");
}

export function createWebWorker(opts: WebWorkerOptions) {
  const worker = Promise.resolve(getWorker(opts.label ?? "monaco-editor-worker", opts.createWorker)).then((w) => {
    w.postMessage("ignore");
    w.postMessage(opts.createData);
    return w;
  });
  // Monaco's internal signature (a worker promise, not the public moduleId form).
  const create = editor.createWebWorker as unknown as (options: { worker: Promise<Worker>; host?: unknown; keepIdleModels?: boolean }) => unknown;
  return create({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
