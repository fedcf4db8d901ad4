import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GROUP_SHARE } from "@/lib/analytics/discrimination";
import { describeDiscrimination, formatIndex, formatPercent } from "@/lib/analytics/format";
import { getQuizAnalysis } from "@/lib/analytics/quiz-items";
import { requireInstructor } from "@/lib/auth/session";
import { KEBAB_ID } from "@/grader/contract/vocabulary";
import { SimpleBarChart } from "../../_components/bar-chart";
import styles from "../../instructor.module.css";

export const metadata: Metadata = { title: "Quiz analytics" };
export const dynamic = "force-dynamic";

export default async function QuizAnalyticsPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  await requireInstructor(`/instructor/quizzes/${encodeURIComponent(quizId)}`);
  const analysis = KEBAB_ID.test(quizId) ? await getQuizAnalysis(quizId) : null;
  if (!analysis) notFound();

  return (
    <div className="stack">
      <p>
        <Link href="/instructor">← Instructor dashboard</Link>
      </p>
      <h1>{analysis.title}</h1>
      <p className="muted">
        Item analysis over each student&apos;s first submitted attempt ({analysis.students} student{analysis.students === 1 ? "" : "s"}, mean{" "}
        {formatPercent(analysis.meanPercent === null ? null : analysis.meanPercent / 100)}). Discrimination index D = (U − L) / n, where the upper and lower
        groups are the n = {analysis.groupSize} students with the highest and lowest totals (n = round({GROUP_SHARE} × students)), and U, L count who
        answered the question fully correctly in each group. Every figure is an exact count over all first attempts (no sampling, at any class
        size), kept up to date as each attempt is submitted; &ldquo;All attempts&rdquo; counts retakes too.
      </p>
      <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
        {analysis.questions.map((q, index) => (
          <li key={q.questionId} className={`card ${styles.question}`} data-testid={`question-${q.questionId}`}>
            <h2 style={{ fontSize: "1.05rem", margin: 0 }}>
              {index + 1}. {q.prompt}
            </h2>
            <p style={{ margin: 0 }}>
              <span data-testid="percent-correct">{formatPercent(q.percentCorrect)} correct</span> ({q.correct} of {q.answered}; all attempts{" "}
              {formatPercent(q.answeredAll ? q.correctAll / q.answeredAll : null)}) · discrimination{" "}
              <span data-testid="discrimination">{formatIndex(q.discrimination)}</span> ({describeDiscrimination(q.discrimination)})
              {q.lesson && (
                <>
                  {" "}
                  · <Link href={q.lesson}>lesson section</Link>
                </>
              )}
            </p>
            {q.options && (
              <div className={styles.figures}>
                <table className="data" style={{ width: "auto" }} data-testid="option-table">
                  <caption>Chosen options{q.type === "multiple" ? " (several per student)" : ""}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Option</th>
                      <th scope="col">Key</th>
                      <th scope="col">Chosen by</th>
                      <th scope="col">Share</th>
                      <th scope="col">All attempts</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.options.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">{o.label}</th>
                        <td>{o.correct ? "correct" : "distractor"}</td>
                        <td>{o.count}</td>
                        <td>{formatPercent(o.share)}</td>
                        <td>{formatPercent(o.shareAll)}</td>
                      </tr>
                    ))}
                    {q.blank > 0 && (
                      <tr>
                        <th scope="row">(no answer)</th>
                        <td>—</td>
                        <td>{q.blank}</td>
                        <td>{formatPercent(q.answered ? q.blank / q.answered : null)}</td>
                        <td>—</td>
                      </tr>
                    )}
                  </tbody>
                </table>
                {q.answered > 0 && (
                  <div style={{ flex: "1 1 22rem", minWidth: "18rem" }}>
                    <SimpleBarChart
                      data={q.options.map((o) => ({ label: `${o.correct ? "✓ " : ""}${o.label.slice(0, 40)}`, value: o.share }))}
                      xLabel="option"
                      yLabel="share of students"
                      layout="horizontal-bars"
                      percent
                    />
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
