"use client";
import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor-impl";

export type { CodeEditorProps, EditorMarker } from "./code-editor-impl";

// Start fetching Monaco (the page's largest download) as soon as this module
// runs in the browser, instead of after hydration and the draft restore.
// (The exercise page also has the browser preload its chunks from the HTML: ./editor-preload.ts.)
if (typeof window !== "undefined") void import("./code-editor-impl");

/**
 * Monaco, loaded in the browser only and only where this component renders.
 * The import is written inline so that `next build` lists it in the page's
 * react-loadable-manifest.json, which ./editor-preload.ts reads.
 */
export const CodeEditor = dynamic<CodeEditorProps>(() => import("./code-editor-impl"), {
  ssr: false,
  loading: () => <p className="muted">Loading the editor…</p>,
});
