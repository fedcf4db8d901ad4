/**
 * Running tallies for quiz item analysis, written in the transaction that
 * submits an attempt (lib/quiz/attempts.ts): the user's first submitted
 * attempt of the quiz ("QuizFirstAttempt": total and fully correct
 * questions) and the answers counted per question × response, for first
 * attempts and for all attempts ("QuizResponseTally").
 *
 * Why tallies rather than a grouped query: the item analysis is over each
 * student's FIRST attempt. Grouped from the events, every page view ranks
 * all attempts of the quiz (a window per student) and joins each first
 * attempt to its answers: 75k attempts and ~500k answers at 50,000 students,
 * 1.1–1.4 s in one process on the load database even with covering indexes
 * (README "Dashboard figures"). With the tallies the page reads a few hundred
 * response rows, one index range for the count and mean, and the top and
 * bottom 27% of the (quizId, total, userId, correct) index for the
 * discrimination index — narrow rows, no join (figures in the README).
 *
 * Incremental, unlike ItemTally (which is recomputed per cell): a count over
 * the whole class cannot be recomputed per write. It stays exact because an
 * attempt is submitted once (the status update is conditional) and answers
 * are never rewritten; the first attempt is the one whose row was inserted
 * first (ON CONFLICT DO NOTHING on (quizId, userId)), which is the earliest
 * submitted one, as the grouped definition says. Staff are counted too: the
 * reader subtracts the (few) staff answers, so a role change needs no
 * rewrite. Concurrency: the upserts add to the stored counts atomically on
 * both databases (PostgreSQL locks the row; SQLite has one writer); rows are
 * written in question order, so two transactions lock them in the same order
 * and cannot deadlock. The migration's backfill (quiz-backfill.ts) computes
 * the same rows from the events; a test checks they are equal.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { GradedQuestion } from "@/lib/quiz/grade";
import { responseKey } from "./quiz-backfill";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

export interface SubmittedAttempt {
  userId: string;
  quizId: string;
  attemptId: string;
  score: number;
  maxScore: number;
  questions: Pick<GradedQuestion, "questionId" | "correct" | "response">[];
}

/** ",q1,q4," — the questions answered fully correctly (",": none). */
export function correctList(questions: SubmittedAttempt["questions"]): string {
  const ids = questions.filter((q) => q.correct).map((q) => q.questionId);
  return ids.length ? `,${ids.join(",")},` : ",";
}

/** Counts a just-submitted attempt; call inside the transaction that marks it submitted and stores its answers. */
export async function recordQuizAttemptTallies(tx: Tx, attempt: SubmittedAttempt): Promise<void> {
  const total = attempt.maxScore > 0 ? attempt.score / attempt.maxScore : 0;
  const inserted = await tx.$executeRaw`
    INSERT INTO "QuizFirstAttempt" ("quizId", "userId", "attemptId", "total", "correct")
    VALUES (${attempt.quizId}, ${attempt.userId}, ${attempt.attemptId}, ${total}, ${correctList(attempt.questions)})
    ON CONFLICT ("quizId", "userId") DO NOTHING`;
  const first = inserted > 0 ? 1 : 0;
  const rows = [...attempt.questions]
    .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
    .map((q) => {
      const right = q.correct ? 1 : 0;
      return Prisma.sql`(${attempt.quizId}, ${q.questionId}, ${responseKey(q.response)}, ${first}, ${first * right}, 1, ${right})`;
    });
  if (rows.length === 0) return;
  // One answer per question in an attempt, so no key repeats within the statement (PostgreSQL requires that).
  await tx.$executeRaw`
    INSERT INTO "QuizResponseTally" ("quizId", "questionId", "response", "firstAnswers", "firstCorrect", "allAnswers", "allCorrect")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("quizId", "questionId", "response") DO UPDATE SET
      "firstAnswers" = "QuizResponseTally"."firstAnswers" + excluded."firstAnswers",
      "firstCorrect" = "QuizResponseTally"."firstCorrect" + excluded."firstCorrect",
      "allAnswers" = "QuizResponseTally"."allAnswers" + excluded."allAnswers",
      "allCorrect" = "QuizResponseTally"."allCorrect" + excluded."allCorrect"`;
}
