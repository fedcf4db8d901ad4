"use client";
import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor-impl";

export type { CodeEditorProps, EditorMarker } from "./code-editor-impl";

const loadEditor = () => import("./code-editor-impl");
// Start fetching Monaco (the page's largest download) as soon as this module
// runs in the browser, instead of after hydration and the draft restore.
if (typeof window !== "undefined") void loadEditor();

/** Monaco, loaded in the browser only and only where this component renders. */
export const CodeEditor = dynamic<CodeEditorProps>(loadEditor, {
  ssr: false,
  loading: () => <p className="muted">Loading the editor…</p>,
});
