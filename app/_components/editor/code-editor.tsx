"use client";
/**
 * Monaco, loaded in the browser only and only where this component renders.
 *
 * Not next/dynamic: that suspends through React.lazy even when Monaco has
 * already arrived, and React holds a suspended boundary's reveal back by up to
 * 300 ms after its fallback was shown (its fallback throttle), time in which
 * the main thread sits idle with the editor ready. A state update renders the
 * editor the moment its module is there — at once when instrumentation-client.ts
 * fetched it before hydration.
 */
import { type ComponentType, useEffect, useState } from "react";
import type { CodeEditorProps } from "./code-editor-impl";
import { loadEditor } from "./load-editor";

export type { CodeEditorProps, EditorMarker } from "./code-editor-impl";

let loadedEditor: ComponentType<CodeEditorProps> | null = null;

/** Loads Monaco once (a failed load may be retried) and remembers it for every later editor. */
function loadEditorComponent(): Promise<ComponentType<CodeEditorProps>> {
  return loadEditor().then((module) => {
    loadedEditor = module.default;
    return module.default;
  });
}

// Pages reached by a client-side navigation start fetching Monaco (the page's
// largest download) as soon as this module runs, instead of after hydration and
// the draft restore; a first load has started it already.
if (typeof window !== "undefined") loadEditorComponent().catch(() => {});

export function CodeEditor(props: CodeEditorProps) {
  const [Editor, setEditor] = useState<ComponentType<CodeEditorProps> | null>(() => loadedEditor);
  const [failed, setFailed] = useState(false);

  // Runs again when "Try again" clears the failure.
  useEffect(() => {
    if (Editor || failed) return;
    let current = true;
    loadEditorComponent().then(
      (component) => current && setEditor(() => component),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [Editor, failed]);

  if (Editor) return <Editor {...props} />;
  if (failed) {
    return (
      <p className="form-error" role="alert" data-testid="editor-load-failed">
        The editor could not be loaded (the connection may have dropped). Your draft is kept.{" "}
        <button type="button" className="button--secondary" onClick={() => setFailed(false)}>
          Try again
        </button>
      </p>
    );
  }
  return <p className="muted">Loading the editor…</p>;
}
