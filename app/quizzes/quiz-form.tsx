/**
 * The attempt form, rendered on the server from the PUBLIC projection only
 * (no answer key exists in this component's props). Plain HTML inputs, so it
 * works before hydration and with any assistive technology; numeric answers
 * are also checked as they are typed (numeric-answer.tsx).
 */
import { Markdown } from "@/app/_components/markdown/markdown";
import type { PublicQuestion, PublicQuiz } from "@/lib/quiz/public-quiz";
import { submitQuizAction } from "./actions";
import { DraftAnswers } from "./draft-answers";
import { DecimalSeparatorField, NumericAnswer } from "./numeric-answer";
import styles from "./quizzes.module.css";

function Inputs({ q }: { q: PublicQuestion }) {
  const name = `q:${q.id}`;
  if (q.type === "single" || q.type === "multiple") {
    return (
      <div className={styles.options}>
        {q.options.map((o, i) => (
          <label key={o.id} className={styles.option}>
            <input type={q.type === "single" ? "radio" : "checkbox"} name={name} value={o.id} />
            {/* Math-only options have no text name for assistive technology otherwise. */}
            <span className="visually-hidden">Option {i + 1}: </span>
            <span className={styles.optionText}>
              <Markdown source={o.text} />
            </span>
          </label>
        ))}
      </div>
    );
  }
  if (q.type === "true-false") {
    return (
      <div className={styles.options}>
        {["true", "false"].map((v) => (
          <label key={v} className={styles.option}>
            <input type="radio" name={name} value={v} />
            <span>{v === "true" ? "True" : "False"}</span>
          </label>
        ))}
      </div>
    );
  }
  return q.type === "numeric" ? <NumericAnswer questionId={q.id} decimals={q.decimals} /> : null;
}

export function QuizForm({ quiz, attemptId }: { quiz: PublicQuiz; attemptId: string }) {
  return (
    <form action={submitQuizAction} className={styles.form} data-testid="quiz-form">
      <input type="hidden" name="quizId" value={quiz.id} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <DraftAnswers attemptId={attemptId} />
      <DecimalSeparatorField />
      <ol className={styles.questions}>
        {quiz.questions.map((q, i) => (
          <li key={q.id} className="card">
            <fieldset className={styles.fieldset} aria-labelledby={`prompt-${q.id}`} data-testid={`question-${q.id}`} data-type={q.type}>
              <div id={`prompt-${q.id}`} className={styles.prompt}>
                <span className={styles.number}>
                  Question {i + 1}
                  {q.type === "multiple" ? " (select all that apply)" : ""} · {q.points} point{q.points === 1 ? "" : "s"}
                </span>
                <Markdown source={q.prompt} />
              </div>
              <Inputs q={q} />
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="muted">Unanswered questions score 0. Multiple-select questions give partial credit: (right picks − wrong picks) ÷ number of right options, never below 0.</p>
      <button type="submit">Submit answers</button>
    </form>
  );
}
