"use client";
/**
 * The Monaco editor itself. Loaded only through ./code-editor.tsx
 * (next/dynamic, ssr: false), so Monaco's JavaScript is fetched only by pages
 * that show an editor.
 */
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import type { Language } from "@/grader/contract/vocabulary";
import { monaco, setExerciseTypes, startLanguageService } from "./monaco-setup";

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorProps {
  exerciseId: string;
  /** .d.ts text derived from the starter (never the reference) */
  declarations: string;
  value: string;
  language: Language;
  onChange: (value: string) => void;
  /** compile errors from the grader, shown as error markers */
  markers: EditorMarker[];
  onRun: () => void;
  onSubmit: () => void;
}

type StandaloneEditor = Parameters<OnMount>[0];

export default function CodeEditorImpl(props: CodeEditorProps) {
  const { exerciseId, declarations, value, language, onChange, markers } = props;
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);
  const [applied, setApplied] = useState("[]");
  // Commands are registered once; the latest callbacks are read through a ref.
  const actions = useRef(props);
  actions.current = props;

  setExerciseTypes(exerciseId, declarations);

  const onMount: OnMount = (instance) => {
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onRun());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => actions.current.onSubmit());
    setEditor(instance);
    // The editor is drawn and takes keys; the TypeScript worker may start once the browser has a moment.
    if ("requestIdleCallback" in window) window.requestIdleCallback(startLanguageService, { timeout: 1500 });
    else setTimeout(startLanguageService, 300);
  };

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "grader",
      markers.map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const word = model.getWordAtPosition({ lineNumber: line, column: m.column });
        const endColumn = word && word.startColumn <= m.column ? word.endColumn : Math.min(m.column + 1, model.getLineMaxColumn(line));
        return { severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: line, startColumn: m.column, endLineNumber: line, endColumn };
      }),
    );
    // Read back what Monaco holds, for assistive summaries and the browser tests.
    const held = monaco.editor.getModelMarkers({ owner: "grader", resource: model.uri });
    setApplied(JSON.stringify(held.map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message }))));
  }, [editor, markers]);

  return (
    <div data-testid="code-editor" data-grader-markers={applied}>
      <Editor
        height="60vh"
        path={`file:///exercise/${exerciseId}/solution.${language === "typescript" ? "ts" : "js"}`}
        language={language}
        value={value}
        onChange={(next) => onChange(next ?? "")}
        onMount={onMount}
        loading={<p className="muted">Loading the editor…</p>}
        options={{
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          // Long lines wrap instead of running off the visible width (phones, split screens).
          wordWrap: "on",
          // Unused code is drawn faded, below text contrast (axe color-contrast); the compiler still reports it.
          showUnused: false,
          // The wheel scrolls the page once the editor is at its top or bottom.
          scrollbar: { alwaysConsumeMouseWheel: false },
          ariaLabel:
            "Code editor. Tab indents; to leave the editor with the keyboard press Control+M (on a Mac Control+Shift+M), then Tab. Press Control or Command plus Enter to run, add Shift to submit.",
        }}
      />
    </div>
  );
}
