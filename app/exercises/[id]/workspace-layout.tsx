"use client";
/**
 * The exercise page's three panes. Wide screens show the prompt beside the
 * editor with the results below it; below the breakpoint (workspace.module.css)
 * one pane at a time is shown behind Prompt / Code / Results tabs, so nothing
 * is pinned over anything else at any scroll position.
 */
import { type KeyboardEvent, type ReactNode, useSyncExternalStore } from "react";
import styles from "../workspace.module.css";

export const PANES = ["prompt", "code", "results"] as const;
export type Pane = (typeof PANES)[number];

const LABEL: Record<Pane, string> = { prompt: "Prompt", code: "Code", results: "Results" };
/** Keep in step with the max-width of the narrow layout in workspace.module.css. */
const NARROW_QUERY = "(max-width: 900px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** true below the breakpoint; false on the server (CSS alone lays out the first paint). */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}

interface Props {
  pane: Pane;
  onPane: (pane: Pane) => void;
  /** a short count shown on the Results tab, e.g. "3/4" */
  resultsBadge?: string;
  prompt: ReactNode;
  code: ReactNode;
  results: ReactNode;
}

export function WorkspaceLayout({ pane, onPane, resultsBadge, prompt, code, results }: Props) {
  const narrow = useNarrowLayout();
  // Tab semantics only where tabs are shown; on wide screens the panes are plain regions.
  const panel = (name: Pane) => (narrow ? { role: "tabpanel", "aria-labelledby": `tab-${name}`, hidden: pane !== name } : {});

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = PANES[(PANES.indexOf(pane) + step + PANES.length) % PANES.length];
    onPane(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className={styles.layout} data-pane={pane} data-testid="workspace-layout">
      <div role="tablist" aria-label="Exercise views" className={styles.tabs}>
        {PANES.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={pane === name}
            aria-controls={`pane-${name}`}
            tabIndex={pane === name ? 0 : -1}
            className={styles.tab}
            onClick={() => onPane(name)}
            onKeyDown={onTabKey}
          >
            {LABEL[name]}
            {name === "results" && resultsBadge ? <span className={styles.tabBadge}> {resultsBadge}</span> : null}
          </button>
        ))}
      </div>
      <div id="pane-prompt" className={styles.promptPane} {...panel("prompt")}>
        {prompt}
      </div>
      <div className={styles.workColumn}>
        <div id="pane-code" className={styles.codePane} {...panel("code")}>
          {code}
        </div>
        <div id="pane-results" className={styles.resultsPane} {...panel("results")}>
          {results}
        </div>
      </div>
    </div>
  );
}
