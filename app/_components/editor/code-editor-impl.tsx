"use client";
/**
 * The Monaco editor itself. Loaded only in the browser, through
 * ./load-editor.ts (by ./code-editor.tsx and instrumentation-client.ts), so
 * Monaco's JavaScript is fetched only by pages that show an editor.
 *
 * Uncontrolled: Monaco holds the text and reports every change; the page
 * replaces it only with a new document (./editor-document.ts). A controlled
 * `value` is written back into Monaco whenever it differs from the editor,
 * and React's copy can lag the keystrokes (Chromium's EditContext input is not
 * a discrete event for React, so the write-back runs a task later) — which
 * overwrote fast typing.
 */
import Editor, { type EditorProps, type OnChange, type OnMount } from "@monaco-editor/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "@/grader/contract/vocabulary";
import { type EditorDocument, textToApply } from "./editor-document";
import { monaco, setExerciseTypes, startLanguageServiceSoon } from "./monaco-setup";

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorProps {
  exerciseId: string;
  /** .d.ts text derived from the starter (never the reference) */
  declarations: string;
  /** the text to open with, and replacements from outside (new revision each) */
  content: EditorDocument;
  language: Language;
  /** every change, typed or applied from a document */
  onChange: (value: string) => void;
  /** compile errors from the grader, shown as error markers */
  markers: EditorMarker[];
  onRun: () => void;
  onSubmit: () => void;
}

type StandaloneEditor = Parameters<OnMount>[0];

/** One object for the editor's life (@monaco-editor/react re-applies options whenever the object changes). */
const OPTIONS: NonNullable<EditorProps["options"]> = {
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
};

export default function CodeEditorImpl(props: CodeEditorProps) {
  const { exerciseId, declarations, content, language, markers } = props;
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);
  const [applied, setApplied] = useState("[]");
  // Commands are registered once; the latest callbacks are read through a ref.
  const actions = useRef(props);
  actions.current = props;
  // The editor is created with the document of its first render (defaultValue).
  const appliedRevision = useRef(content.revision);
  const onChange = useCallback<OnChange>((next) => actions.current.onChange(next ?? ""), []);

  setExerciseTypes(exerciseId, declarations);

  const onMount: OnMount = (instance) => {
    // A model can outlive an earlier visit under the same path (the other language's
    // model is kept): the editor opens with this page's newest document, not that text.
    const opening = actions.current.content;
    if (instance.getValue() !== opening.text) instance.setValue(opening.text);
    appliedRevision.current = opening.revision;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onRun());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => actions.current.onSubmit());
    setEditor(instance);
    // The editor is drawn and takes keys; the TypeScript worker follows once the first keys have settled.
    startLanguageServiceSoon();
  };

  // A new document from outside replaces the text once, as one undoable edit.
  // (A language switch opens another model: @monaco-editor/react switches it
  // in its own effect, which runs before this one.)
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const text = textToApply(appliedRevision.current, content, model.getValue());
    appliedRevision.current = content.revision;
    if (text === null) return;
    editor.executeEdits("external-document", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
    editor.pushUndoStop();
  }, [editor, content]);

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
        defaultValue={content.text}
        onChange={onChange}
        onMount={onMount}
        loading={<p className="muted">Loading the editor…</p>}
        options={OPTIONS}
      />
    </div>
  );
}
