import type { GradeReport } from "@/grader/schema";
import { HiddenTestItem } from "./hidden-test-item";
import styles from "./results.module.css";
import { TestResultItem } from "./test-result-item";

/** The one-line announcement screen readers hear when a result arrives. */
export function announcement(report: GradeReport): string {
  const passed = report.tests.filter((t) => t.status === "passed").length;
  const what = report.mode === "run" ? "Run" : "Submission";
  const misc = report.misconceptions.length ? ` ${report.misconceptions.length} misconception(s) detected.` : "";
  return `${what} ${report.status}: ${passed} of ${report.tests.length} tests passed, score ${Math.round(report.score * 100)}%.${misc}`;
}

export function ResultsPanel({ report }: { report: GradeReport }) {
  const publicTests = report.tests.filter((t) => t.visibility === "public");
  const hiddenTests = report.tests.filter((t) => t.visibility === "hidden");
  return (
    <section className={styles.panel} aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading" className={styles.verdict} data-verdict={report.status}>
        {report.mode === "run" ? "Run" : "Submission"}: <span data-testid="verdict">{report.status}</span> — score{" "}
        <span data-testid="score">{Math.round(report.score * 100)}%</span>
      </h2>
      <p>{report.summary}</p>

      {report.misconceptions.length > 0 && (
        <div className={styles.misconceptions} role="note" aria-label="Detected misconceptions" data-testid="misconceptions">
          <h3>Looks like a known misconception</h3>
          <ul>
            {report.misconceptions.map((m) => (
              <li key={m.id} data-testid={`misconception-${m.id}`}>
                <p>{m.message}</p>
                {m.lesson && <a href={m.lesson}>Review this in the lesson</a>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.compileErrors.length > 0 && (
        <div className="form-error" data-testid="compile-errors">
          <h3>Your code does not compile</h3>
          <ul>
            {report.compileErrors.map((e) => (
              <li key={`${e.line}:${e.column}`}>
                Line {e.line}, column {e.column}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {publicTests.length > 0 && (
        <>
          <h3>Public tests</h3>
          <ul className={styles.tests}>
            {publicTests.map((t) => (
              <TestResultItem key={t.id} test={t} />
            ))}
          </ul>
        </>
      )}
      {hiddenTests.length > 0 && (
        <>
          <h3>Hidden tests</h3>
          <p className="muted">Hidden tests get fresh inputs on every submission and show only their verdict, why they failed and a hint.</p>
          <ul className={styles.hiddenTests}>
            {hiddenTests.map((t) => (
              <HiddenTestItem key={t.id} test={t} />
            ))}
          </ul>
        </>
      )}
      {report.console.length > 0 && (
        <details>
          <summary>Console output ({report.console.length} lines, capped at {report.limits.maxConsoleLines})</summary>
          <pre className={styles.console}>{report.console.join("\n")}</pre>
        </details>
      )}
      <p className="muted">Graded in {report.timings.totalMs.toFixed(0)} ms.</p>
    </section>
  );
}
