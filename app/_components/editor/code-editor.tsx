"use client";
import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor-impl";

export type { CodeEditorProps, EditorMarker } from "./code-editor-impl";

/** Monaco, loaded in the browser only and only where this component renders. */
export const CodeEditor = dynamic<CodeEditorProps>(() => import("./code-editor-impl"), {
  ssr: false,
  loading: () => <p className="muted">Loading the editor…</p>,
});
