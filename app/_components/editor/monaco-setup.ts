/**
 * Client-only Monaco set-up: the editor comes from our own bundle
 * (`loader.config({ monaco })`, so @monaco-editor/react never fetches it from
 * a CDN) and every web worker is created from a bundled entry file. Without
 * getWorker the generic editorWorkerService worker 404s under Turbopack.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

type WorkerFactory = { getWorker(workerId: string, label: string): Worker };

(self as unknown as { MonacoEnvironment: WorkerFactory }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module", name: label });
    }
    return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: label });
  },
};

loader.config({ monaco });

const compilerOptions = {
  target: monaco.typescript.ScriptTarget.ES2020,
  module: monaco.typescript.ModuleKind.ESNext,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  // Student code has no DOM: only the language's own library.
  lib: ["es2020"],
};
monaco.typescript.typescriptDefaults.setCompilerOptions(compilerOptions);
monaco.typescript.javascriptDefaults.setCompilerOptions({ ...compilerOptions, allowJs: true, checkJs: true });

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
    libs: declarations
      ? [monaco.typescript.typescriptDefaults.addExtraLib(declarations, path), monaco.typescript.javascriptDefaults.addExtraLib(declarations, path)]
      : [],
  };
}

export { monaco };
