/** Score and per-question feedback of a submitted attempt. */
import Link from "next/link";
import { Markdown } from "@/app/_components/markdown/markdown";
import type { ReviewQuestion } from "@/lib/quiz/review";
import styles from "./quizzes.module.css";
import { formatPercent } from "@/lib/format/percent";

function verdict(q: ReviewQuestion): { label: string; className: string } {
  if (q.credit === 1) return { label: "Correct", className: styles.correct };
  if (q.credit > 0) return { label: `Partly correct (${formatPercent(q.credit)} credit)`, className: styles.partial };
  return { label: "Not correct", className: styles.wrong };
}

export function QuizReview({ score, maxScore, questions }: { score: number; maxScore: number; questions: ReviewQuestion[] }) {
  return (
    <section aria-labelledby="review-heading" className={styles.form}>
      <h2 id="review-heading">
        Score: <span data-testid="quiz-score">{`${Number(score.toFixed(2))} / ${maxScore}`}</span> ({formatPercent(maxScore ? score / maxScore : 0)})
      </h2>
      <ol className={styles.questions}>
        {questions.map((q, i) => {
          const v = verdict(q);
          return (
            <li key={q.id} className="card" data-testid={`review-${q.id}`}>
              <p className={styles.number}>
                Question {i + 1} · <strong className={v.className}>{v.label}</strong>
              </p>
              <Markdown source={q.prompt} />
              {q.options ? (
                <ul className={styles.reviewOptions}>
                  {q.options.map((o) => (
                    <li key={o.text} className={o.correct ? styles.correct : o.picked ? styles.wrong : undefined}>
                      <span>{o.picked ? "Your pick: " : ""}</span>
                      <span className={styles.optionText}>
                        <Markdown source={o.text} />
                      </span>
                      <span>{o.correct ? " ✓ correct option" : o.picked ? " ✗ not correct" : ""}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>
                  Your answer: <strong>{q.yourAnswer}</strong>. Expected: <strong>{q.expectedAnswer}</strong>.
                </p>
              )}
              {q.notes?.map((note) => (
                <p key={note} className={styles.note} data-testid="answer-note">
                  {note}
                </p>
              ))}
              <div className={styles.explanation} data-testid="explanation">
                <strong>Explanation.</strong> <Markdown source={q.explanation} />
                {q.steps && (
                  <div data-testid="worked-steps">
                    <p>
                      <strong>Step by step, with your numbers:</strong>
                    </p>
                    <ol className={styles.steps}>
                      {q.steps.map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ol>
                  </div>
                )}
                {q.lesson && (
                  <p>
                    <Link href={q.lesson}>Review this in the lesson</Link>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
