"use client";
import { useState } from "react";
import { DiffViewer } from "@/app/_components/editor/diff-viewer";
import { LocalTime } from "@/app/_components/local-time";
import type { HistoryEntry } from "@/lib/submissions/get-submission";
import styles from "../workspace.module.css";
import { formatPercent } from "@/lib/format/percent";


/** Every submission (newest first) with its code read-only and a diff against the one before it. */
export function HistoryPanel({ entries }: { entries: HistoryEntry[] }) {
  const [open, setOpen] = useState<{ id: string; view: "code" | "diff" } | null>(null);
  if (entries.length === 0) return <p className="muted">No submissions yet. Submit to record an attempt.</p>;
  return (
    <ol className={styles.history} data-testid="history">
      {entries.map((entry, i) => {
        const previous = entries[i + 1];
        const showing = open?.id === entry.id ? open.view : null;
        const toggle = (view: "code" | "diff") => setOpen(showing === view ? null : { id: entry.id, view });
        return (
          <li key={entry.id} data-testid="history-entry">
            <div className={styles.historyRow}>
              <LocalTime iso={entry.createdAt} />
              <span className={entry.verdict === "passed" ? "status-pill status-pill--done" : "status-pill status-pill--partial"}>
                {entry.verdict ?? entry.status}
              </span>
              <span>{formatPercent(entry.score)}</span>
              <button type="button" className="button--secondary" aria-expanded={showing === "code"} onClick={() => toggle("code")}>
                {showing === "code" ? "Hide code" : "View code"}
              </button>
              {previous && (
                <button type="button" className="button--secondary" aria-expanded={showing === "diff"} onClick={() => toggle("diff")}>
                  {showing === "diff" ? "Hide diff" : "Diff with previous"}
                </button>
              )}
            </div>
            {showing === "code" && (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access
              <pre className={styles.code} data-testid="history-code" tabIndex={0}>
                {entry.code}
              </pre>
            )}
            {showing === "diff" && previous && (
              <DiffViewer id={entry.id} original={previous.code} modified={entry.code} language={entry.language === "javascript" ? "javascript" : "typescript"} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
