/**
 * Client-only Monaco set-up: the editor comes from our own bundle, only the
 * parts we use (./monaco-features.ts), handed to @monaco-editor/react with
 * `loader.config({ monaco })` so it never fetches Monaco from a CDN; every web
 * worker is created from a bundled entry file (without getWorker the generic
 * editorWorkerService worker 404s under Turbopack).
 *
 * The workers wait for `startLanguageService()`: the TypeScript worker is the
 * whole TypeScript compiler plus its library declarations (megabytes to fetch
 * and compile), and nothing a student needs to start typing depends on it.
 * The editor asks for it once it has been drawn for a moment and the browser is
 * idle (startLanguageServiceSoon); until then the editor colours and edits
 * code, and squiggles and IntelliSense follow.
 */
import { loader } from "@monaco-editor/react";
import { javascriptDefaults, ModuleKind, monaco, ScriptTarget, typescriptDefaults } from "./monaco-features";

type WorkerFactory = { getWorker(workerId: string, label: string): Promise<Worker> };

let openGate: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  openGate = resolve;
});

/** Lets Monaco start its workers (TypeScript service, diffs); safe to call more than once. */
export function startLanguageService(): void {
  openGate();
}

/**
 * How long a freshly drawn editor waits before the TypeScript worker may start.
 * Booting the worker compiles megabytes of JavaScript on another thread; on a
 * two-core laptop that competes with the student's first clicks and keys, so
 * it waits for them to settle in (squiggles and IntelliSense follow).
 */
const LANGUAGE_SERVICE_DELAY_MS = 2500;

/** Starts the language service at the browser's first idle moment after LANGUAGE_SERVICE_DELAY_MS. */
export function startLanguageServiceSoon(): void {
  setTimeout(() => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(startLanguageService, { timeout: 1500 });
    else startLanguageService();
  }, LANGUAGE_SERVICE_DELAY_MS);
}

(self as unknown as { MonacoEnvironment: WorkerFactory }).MonacoEnvironment = {
  async getWorker(_workerId, label) {
    await gate;
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module", name: label });
    }
    return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: label });
  },
};

// Our slimmer instance has the same API surface @monaco-editor/react calls (editor.*, Uri, languages).
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]["monaco"] });

const compilerOptions = {
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  // Student code has no DOM: only the language's own library.
  lib: ["es2020"],
};
typescriptDefaults.setCompilerOptions(compilerOptions);
javascriptDefaults.setCompilerOptions({ ...compilerOptions, allowJs: true, checkJs: true });

let current: { exerciseId: string; libs: { dispose(): void }[] } | null = null;

/**
 * Makes the exercise's signature types known to IntelliSense in both
 * languages. Only one exercise's types at a time: each declares the module
 * "exercise", so the previous exercise's are dropped first.
 */
export function setExerciseTypes(exerciseId: string, declarations: string): void {
  if (current?.exerciseId === exerciseId) return;
  for (const lib of current?.libs ?? []) lib.dispose();
  const path = `file:///types/${exerciseId}.d.ts`;
  current = {
    exerciseId,
    libs: declarations ? [typescriptDefaults.addExtraLib(declarations, path), javascriptDefaults.addExtraLib(declarations, path)] : [],
  };
}

export { monaco };
