import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { courseOutline } from "@/lib/content/manifest";
import { itemTitle } from "@/lib/course-nav/item-titles";
import { nextStep } from "@/lib/course-nav/next-step";
import { formatPercent } from "@/lib/format/percent";
import { getAttemptReview, getOpenAttemptView, getQuizHistory } from "@/lib/quiz/attempts";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import { startQuizAction } from "../actions";
import { QuizForm } from "../quiz-form";
import { QuizReview } from "../quiz-review";
import styles from "../quizzes.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ attempt?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const quiz = await loadQuiz((await params).id);
  return { title: quiz?.title ?? "Quiz not found" };
}

function pct(s: { score: number; maxScore: number } | null) {
  return s?.maxScore ? formatPercent(s.score / s.maxScore) : "—";
}

function StartButton({ quizId, label, secondary = false }: { quizId: string; label: string; secondary?: boolean }) {
  return (
    <form action={startQuizAction}>
      <input type="hidden" name="quizId" value={quizId} />
      <button type="submit" className={secondary ? "button--secondary" : undefined}>
        {label}
      </button>
    </form>
  );
}

export default async function QuizPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { attempt } = await searchParams;
  const user = await requireUser(`/quizzes/${id}`);
  const quiz = await loadQuiz(id);
  if (!quiz) notFound();
  const [open, history] = await Promise.all([getOpenAttemptView(user.id, id), getQuizHistory(user.id, id)]);
  const reviewId = typeof attempt === "string" ? attempt : undefined;
  const review = reviewId ? await getAttemptReview(user.id, reviewId) : null;
  const course = await courseOutline();
  const lessonId = course.modules.find((m) => m.quiz === id)?.lesson ?? id;
  const next = nextStep(course, { kind: "quiz", id });
  const [lessonName, nextTitle] = await Promise.all([
    itemTitle({ kind: "lesson", id: lessonId }),
    next.id && next.kind !== "dashboard" ? itemTitle({ kind: next.kind, id: next.id }) : Promise.resolve("Your progress"),
  ]);

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/lessons">Lessons</Link> / <Link href={`/lessons/${lessonId}`}>{lessonName}</Link> / {quiz.title}
      </nav>
      <h1>{quiz.title}</h1>
      {quiz.description && <p className="muted">{quiz.description}</p>}
      <p className={styles.history} data-testid="quiz-history">
        <span>Attempts: {history.attempts}</span>
        <span>Best: {pct(history.best)}</span>
        <span>Latest: {pct(history.latest)}</span>
        {history.latest && !review && <Link href={`/quizzes/${id}?attempt=${history.latest.id}`}>Review your latest attempt</Link>}
      </p>

      {review ? (
        <>
          <QuizReview score={review.score} maxScore={review.maxScore} questions={review.questions} />
          <div className={styles.actions}>
            <Link className="button" href={next.href} data-testid="next-step">
              Next: {nextTitle}
            </Link>
            {open ? (
              <Link className="button button--secondary" href={`/quizzes/${id}`}>
                Continue your open attempt
              </Link>
            ) : (
              <StartButton quizId={id} label="Retake the quiz" secondary />
            )}
            <Link href={`/lessons/${lessonId}`}>Back to the lesson: {lessonName}</Link>
          </div>
        </>
      ) : open ? (
        <QuizForm quiz={open.quiz} attemptId={open.attemptId} />
      ) : (
        <div className={styles.actions}>
          <StartButton quizId={id} label={history.attempts ? "Retake the quiz" : "Start the quiz"} />
          <span className="muted">{quiz.questions.length} questions. Your numbers and option order are your own; answers are graded when you submit.</span>
        </div>
      )}
    </div>
  );
}
