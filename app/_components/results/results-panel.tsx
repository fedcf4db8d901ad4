import type { GradeReport } from "@/grader/contract/schema";
import { planFeedback } from "@/lib/feedback/feedback-plan";
import { formatPercent } from "@/lib/format/percent";
import { HiddenTestItem } from "./hidden-test-item";
import { InlineCode } from "./inline-code";
import styles from "./results.module.css";
import { TestResultItem } from "./test-result-item";

const passedCount = (report: GradeReport) => report.tests.filter((t) => t.status === "passed").length;

/**
 * The headline: a practice Run is not a graded attempt, so it says how many
 * public tests pass rather than "failed — score 0%".
 */
export function headline(report: GradeReport): string {
  if (report.status === "error") return report.mode === "run" ? "Run: your code could not be tested" : "Submission: your code could not be tested";
  if (report.mode === "run") return `Run: ${passedCount(report)} of ${report.tests.length} public tests pass`;
  return `Submission ${report.status} — score ${formatPercent(report.score)}`;
}

/** The one-line announcement screen readers hear when a result arrives. */
export function announcement(report: GradeReport): string {
  const misc = report.misconceptions.length ? ` ${report.misconceptions.length} known misconception(s) recognised.` : "";
  return `${headline(report)}.${misc}`;
}

/** Short count for the phone layout's Results tab. */
export function resultsBadge(report: GradeReport): string {
  return `${passedCount(report)}/${report.tests.length}`;
}

interface Props {
  report: GradeReport;
  /** where to go after a passing submission */
  next?: { href: string; title: string } | null;
  params?: string[];
}

export function ResultsPanel({ report, next, params }: Props) {
  const plan = planFeedback(report);
  const publicTests = report.tests.filter((t) => t.visibility === "public");
  const hiddenTests = report.tests.filter((t) => t.visibility === "hidden");
  const passedSubmission = report.mode === "submit" && report.status === "passed";
  return (
    <section className={styles.panel} aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading" tabIndex={-1} className={styles.verdict} data-verdict={report.status} data-testid="result-summary">
        {report.mode === "submit" && report.status !== "error" ? (
          <>
            Submission <span data-testid="verdict">{report.status}</span> — score <span data-testid="score">{formatPercent(report.score)}</span>
          </>
        ) : (
          <span data-testid="verdict">{headline(report)}</span>
        )}
      </h2>
      {passedSubmission && next && (
        <p className={styles.nextStep} data-testid="next-step">
          All tests pass.{" "}
          <a className="button" href={next.href}>
            Next: {next.title}
          </a>
        </p>
      )}
      {plan.fixFirst && (
        <p className={styles.fixFirst} data-testid="fix-first">
          <strong>Fix this first:</strong> <InlineCode text={plan.fixFirst.text} />
        </p>
      )}
      {!plan.fixFirst && !passedSubmission && <p>{report.summary}</p>}

      {report.misconceptions.length > 0 && (
        <div className={styles.misconceptions} role="note" aria-label="Recognised misconceptions" data-testid="misconceptions">
          <h3>Looks like a known misconception</h3>
          <ul>
            {report.misconceptions.map((m) => (
              <li key={m.id} data-testid={`misconception-${m.id}`}>
                <p>
                  <InlineCode text={m.message} />
                </p>
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
              <TestResultItem key={t.id} test={t} hint={plan.hints[t.id] ?? null} failingPart={plan.failingPart[t.id] ?? null} params={params} />
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
              <HiddenTestItem key={t.id} test={t} hint={plan.hints[t.id] ?? null} />
            ))}
          </ul>
        </>
      )}
      {report.console.length > 0 && (
        <details>
          <summary>
            Console output ({report.console.length} lines, capped at {report.limits.maxConsoleLines})
          </summary>
          <pre className={styles.console}>{report.console.join("\n")}</pre>
        </details>
      )}
      <p className="muted">Graded in {report.timings.totalMs.toFixed(0)} ms.</p>
    </section>
  );
}
