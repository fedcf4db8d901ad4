/** One submission as the instructor sees it: the code and the full GradeReport, hidden tests included. */
import type { StudentSubmission } from "@/lib/analytics/student-detail";
import { formatMs, formatPercent } from "@/lib/analytics/format";
import styles from "../../instructor.module.css";

/** Hints of this exercise the student had opened when submitting (1-based numbers), out of `total`. */
export interface HintsAtSubmission {
  opened: number[];
  total: number;
}

export function SubmissionReport({ submission: s, hints }: { submission: StudentSubmission; hints?: HintsAtSubmission }) {
  const r = s.report;
  return (
    <details className={`card ${styles.submission}`} data-testid={`submission-${s.id}`}>
      <summary>
        {s.createdAt.toISOString().slice(0, 19).replace("T", " ")} · <code>{s.exerciseId}</code> · {s.mode} · {s.verdict ?? s.status} ·{" "}
        {formatPercent(s.score)} · {formatMs(s.gradingMs)}
        {hints && hints.total > 0 ? (
          <span data-testid="submission-hints">
            {" "}
            · hints opened: {hints.opened.length ? `${hints.opened.join(", ")} of ${hints.total}` : `none of ${hints.total}`}
          </span>
        ) : null}
      </summary>
      <div className="stack">
        <div>
          <h3>Code ({s.language})</h3>
          <pre className={styles.code}>
            <code>{s.code}</code>
          </pre>
        </div>
        {r ? (
          <div className="stack">
            <p>
              <strong>Report:</strong> {r.summary}
            </p>
            {r.compileErrors.length > 0 && (
              <ul>
                {r.compileErrors.map((e) => (
                  <li key={`${e.line}:${e.column}`}>
                    line {e.line}, column {e.column}: {e.message}
                  </li>
                ))}
              </ul>
            )}
            {r.misconceptions.length > 0 && (
              <ul>
                {r.misconceptions.map((m) => (
                  <li key={m.id}>
                    <code>{m.id}</code>: {m.message}
                  </li>
                ))}
              </ul>
            )}
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Visibility</th>
                  <th scope="col">Status</th>
                  <th scope="col">Points</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {r.tests.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{t.visibility}</td>
                    <td>{t.status}</td>
                    <td>
                      {t.points}/{t.maxPoints}
                    </td>
                    <td>{t.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.console.length > 0 && <pre className={styles.code}>{r.console.join("\n")}</pre>}
          </div>
        ) : (
          <p className="muted">No report ({s.status}).</p>
        )}
      </div>
    </details>
  );
}
