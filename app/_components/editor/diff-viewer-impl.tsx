"use client";
import { DiffEditor } from "@monaco-editor/react";
import "monaco-editor/features/diffEditor/register";
import type { Language } from "@/grader/contract/vocabulary";
import { startLanguageService } from "./monaco-setup";

// Diffs are computed in Monaco's editor worker.
startLanguageService();

export interface DiffViewerProps {
  original: string;
  modified: string;
  language: Language;
  /** distinguishes the models of several open diffs */
  id: string;
}

/** Read-only side-by-side diff of two submissions. */
export default function DiffViewerImpl({ original, modified, language, id }: DiffViewerProps) {
  return (
    <div data-testid="submission-diff">
      <DiffEditor
        height="40vh"
        language={language}
        original={original}
        modified={modified}
        originalModelPath={`file:///history/${id}/previous.${language === "typescript" ? "ts" : "js"}`}
        modifiedModelPath={`file:///history/${id}/this.${language === "typescript" ? "ts" : "js"}`}
        options={{ readOnly: true, originalEditable: false, minimap: { enabled: false }, renderSideBySide: true, automaticLayout: true }}
      />
    </div>
  );
}
