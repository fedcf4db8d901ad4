"use client";
import dynamic from "next/dynamic";
import type { DiffViewerProps } from "./diff-viewer-impl";

export const DiffViewer = dynamic<DiffViewerProps>(() => import("./diff-viewer-impl"), {
  ssr: false,
  loading: () => <p className="muted">Loading the diff…</p>,
});
