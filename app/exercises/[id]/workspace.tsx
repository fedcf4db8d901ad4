"use client";
/**
 * The coding workspace: Monaco editor, Run / Submit with keyboard shortcuts,
 * the results panel (announced to screen readers, scrolled into view and
 * focused when it arrives), autosave and history, laid out by WorkspaceLayout.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodeEditor } from "@/app/_components/editor/code-editor";
import type { EditorDocument } from "@/app/_components/editor/editor-document";
import { LocalTime } from "@/app/_components/local-time";
import { announcement, ResultsPanel, resultsBadge } from "@/app/_components/results/results-panel";
import type { HistoryEntry } from "@/lib/submissions/get-submission";
import type { SubmissionView } from "@/lib/submissions/submission-view";
import styles from "../workspace.module.css";
import { HistoryPanel } from "./history-panel";
import { ResetToStarter } from "./reset-dialog";
import { sendSubmission } from "./submission-client";
import { initialText, serverDraftArrival } from "./draft-restore";
import { draftKey, readLocalDraft, type StoredDraft, useAutosave } from "./use-autosave";
import { type Pane, WorkspaceLayout } from "./workspace-layout";
import type { Language, Mode } from "@/grader/contract/vocabulary";

export interface WorkspaceProps {
  userId: string;
  exerciseId: string;
  languages: Language[];
  starters: Record<Language, string>;
  declarations: string;
  serverDraft: StoredDraft | null;
  history: HistoryEntry[];
  /** the prompt, rendered on the server */
  prompt: ReactNode;
  /** where to go after a passing submission */
  next: { href: string; title: string } | null;
  /** the entry's parameter names, to label test inputs */
  params?: string[];
}

/** Where a Run/Submit came from: a shortcut inside the editor keeps the caret there. */
type Trigger = "editor" | "page";

const SAVE_LABEL = { idle: "", saving: "Saving…", saved: "Draft saved", failed: "Draft saved in this browser only (server unreachable)" };

/** The text in the editor comes from the student, except for these replacements from outside (each a new revision). */
interface OpenDocument extends EditorDocument {
  language: Language;
}

export function Workspace({ userId, exerciseId, languages, starters, declarations, serverDraft, history: initialHistory, prompt, next, params }: WorkspaceProps) {
  const key = draftKey(userId, exerciseId);
  // null until the browser's own draft has been read (after hydration).
  const [doc, setDoc] = useState<OpenDocument | null>(null);
  // The editor's text as last reported: read by Run/Submit and the language switch, never written back into the editor.
  const current = useRef({ code: serverDraft?.code ?? starters.typescript, language: serverDraft?.language ?? ("typescript" as Language) });
  const opened = useRef<{ code: string; serverDraft: StoredDraft | null }>({ code: current.current.code, serverDraft });
  const [elsewhere, setElsewhere] = useState<StoredDraft | null>(null);
  const [pending, setPending] = useState<Mode | null>(null);
  const [result, setResult] = useState<SubmissionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState("");
  const [history, setHistory] = useState(initialHistory);
  const { save, state: saveState, sentFromHere } = useAutosave(exerciseId, key);
  const busy = useRef(false);
  const [pane, setPane] = useState<Pane>("prompt");
  const [arrived, setArrived] = useState<{ id: string; trigger: Trigger } | null>(null);

  /** Puts text from outside the editor into it (the editor applies each revision once). */
  const open = useCallback((code: string, language: Language) => {
    current.current = { code, language };
    setDoc((d) => ({ text: code, language, revision: (d?.revision ?? 0) + 1 }));
  }, []);

  // Once, when the page opens: the newer of the browser's and the server's draft
  // (the browser's is only readable after hydration). The workspace is keyed by
  // exercise, so a new exercise opens a new workspace.
  useEffect(() => {
    const text = initialText(readLocalDraft(key), opened.current.serverDraft, { code: starters.typescript, language: "typescript" });
    opened.current.code = text.code;
    open(text.code, text.language);
  }, [key, open, starters.typescript]);

  // A server draft that arrives later (the server re-renders the page, e.g. after
  // a hint is opened) never replaces the student's text; a different one saved
  // elsewhere is mentioned, with the choice to open it.
  useEffect(() => {
    if (serverDraft === opened.current.serverDraft) return;
    const arrival = serverDraftArrival(serverDraft, { current: current.current.code, opened: opened.current.code, sentFromHere });
    setElsewhere(arrival === "elsewhere" ? serverDraft : null);
  }, [serverDraft, sentFromHere]);

  const edit = (next: string) => {
    // The editor also reports the documents it was given; those were saved when they were opened.
    if (next === current.current.code) return;
    current.current = { ...current.current, code: next };
    save(next, current.current.language);
  };

  const replace = (code: string, language: Language) => {
    open(code, language);
    save(code, language);
  };

  const changeLanguage = (nextLanguage: Language) => {
    // An untouched starter follows the language; edited code is kept as is.
    const { code, language } = current.current;
    replace(code === starters[language] ? starters[nextLanguage] : code, nextLanguage);
  };

  const reset = () => {
    replace(starters[current.current.language], current.current.language);
    setLive("The editor was reset to the starter code.");
  };

  const openElsewhere = () => {
    if (!elsewhere) return;
    replace(elsewhere.code, elsewhere.language);
    setElsewhere(null);
    setLive("The editor now shows the draft saved elsewhere.");
  };

  const grade = useCallback(
    async (mode: Mode, trigger: Trigger = "page") => {
      if (busy.current) return;
      busy.current = true;
      setPending(mode);
      setError(null);
      setLive(mode === "run" ? "Running the public tests…" : "Submitting…");
      const { code: sent, language } = current.current;
      const outcome = await sendSubmission(exerciseId, { code: sent, language, mode }, () => setLive("The grader is busy; your submission is queued."));
      busy.current = false;
      setPending(null);
      if (!outcome.ok) {
        setError(outcome.message);
        setLive(outcome.message);
        return;
      }
      const { submission } = outcome;
      setResult(submission);
      setPane("results");
      setArrived({ id: submission.id, trigger });
      setLive(submission.report ? announcement(submission.report) : "Grading failed on the server. Please try again.");
      if (mode === "submit") {
        const entry: HistoryEntry = {
          id: submission.id,
          createdAt: submission.createdAt,
          status: submission.status,
          verdict: submission.verdict,
          score: submission.score,
          language,
          code: sent,
        };
        setHistory((h) => [entry, ...h.filter((e) => e.id !== entry.id)]);
      }
    },
    [exerciseId],
  );

  // Shortcuts also work when the focus is outside the editor.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      event.preventDefault();
      void grade(event.shiftKey ? "submit" : "run");
    };

    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [grade]);

  // A new result is brought into view and focused (after the pane switch has rendered).
  useEffect(() => {
    if (!arrived) return;
    const summary = document.getElementById("results-heading");
    if (!summary) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    summary.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
    if (arrived.trigger === "page") summary.focus({ preventScroll: true });
  }, [arrived]);

  const markers = useMemo(() => result?.report?.compileErrors ?? [], [result]);

  const codePane = (
    <>
      <div className={styles.toolbar}>
        <label>
          Language{" "}
          <select value={doc?.language ?? current.current.language} onChange={(e) => changeLanguage(e.target.value as Language)} data-testid="language">
            {languages.map((l) => (
              <option key={l} value={l}>
                {l === "typescript" ? "TypeScript" : "JavaScript"}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button--secondary" onClick={() => void grade("run")} disabled={pending !== null} aria-keyshortcuts="Control+Enter Meta+Enter">
          {pending === "run" ? "Running…" : "Run"} <kbd>Ctrl/⌘+Enter</kbd>
        </button>
        <button type="button" onClick={() => void grade("submit")} disabled={pending !== null} aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter">
          {pending === "submit" ? "Submitting…" : "Submit"} <kbd>Ctrl/⌘+Shift+Enter</kbd>
        </button>
        <ResetToStarter onConfirm={reset} />
        <span className="muted" data-testid="save-state">
          {SAVE_LABEL[saveState]}
        </span>
      </div>
      {elsewhere && (
        <p className="muted" role="status" data-testid="draft-elsewhere">
          A different draft of this exercise was saved from another tab or device (<LocalTime iso={new Date(elsewhere.savedAt).toISOString()} />). The editor
          keeps your text; your next change saves over that draft.{" "}
          <button type="button" className="button--secondary" onClick={openElsewhere}>
            Open that draft instead
          </button>
        </p>
      )}
      {doc ? (
        <CodeEditor
          exerciseId={exerciseId}
          declarations={declarations}
          content={doc}
          language={doc.language}
          onChange={edit}
          markers={markers}
          onRun={() => void grade("run", "editor")}
          onSubmit={() => void grade("submit", "editor")}
        />
      ) : (
        <p className="muted">Loading your draft…</p>
      )}
      <p id="editor-keyboard-help" className={`muted ${styles.editorHelp} ${styles.keyboardOnly}`} data-testid="editor-keyboard-help">
        In the editor Tab indents. To leave it with the keyboard press <kbd>Ctrl+M</kbd> (Mac: <kbd>Ctrl+Shift+M</kbd>), then Tab; press it again to
        indent with Tab.
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="submission-error">
          {error}
        </p>
      )}
    </>
  );

  const resultsPane = (
    <>
      {result?.report && <ResultsPanel report={result.report} next={next} params={params} />}
      {result && !result.report && <p className="form-error">Grading failed on the server. Please try again.</p>}
      {!result && <p className="muted">Run or Submit your code to see the results here.</p>}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Your submissions</h2>
        <HistoryPanel entries={history} />
      </section>
    </>
  );

  return (
    <>
      <WorkspaceLayout
        pane={pane}
        onPane={setPane}
        resultsBadge={result?.report ? resultsBadge(result.report) : undefined}
        prompt={prompt}
        code={codePane}
        results={resultsPane}
      />
      <p className="visually-hidden" aria-live="polite" role="status" data-testid="announcer">
        {live}
      </p>
    </>
  );
}
