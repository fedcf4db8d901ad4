/**
 * Quiz attempts in the database. A student has at most one in-progress attempt
 * per quiz (resuming shows the same seed, so the same numbers and order);
 * submitting grades on the server and records per-question correctness; a
 * retake starts a new attempt. Best and latest scores come from the history.
 */
import "server-only";
import { refreshItemTally } from "@/lib/analytics/tallies/item-tally";
import { recordQuizAttemptTallies } from "@/lib/analytics/tallies/quiz-tally";
import { db } from "@/lib/db";
import { type GradedQuiz, gradeQuiz, type RawResponses, type StoredResponse } from "./grade";
import { loadQuiz, quizContentHash } from "./load-quiz";
import type { DecimalSeparator } from "./number-input";
import { type PublicQuiz, toPublicQuiz } from "./public-quiz";
import { buildReview, type ReviewQuestion } from "./review";
import { newAttemptSeed } from "./seeded";

export interface AttemptSummary {
  id: string;
  score: number;
  maxScore: number;
  submittedAt: Date;
}

export interface QuizHistory {
  attempts: number;
  best: AttemptSummary | null;
  latest: AttemptSummary | null;
}

export class QuizNotFoundError extends Error {}
export class AttemptNotFoundError extends Error {}

async function requireQuiz(quizId: string) {
  const quiz = await loadQuiz(quizId);
  if (!quiz) throw new QuizNotFoundError(`no quiz "${quizId}"`);
  return quiz;
}

export async function findOpenAttempt(userId: string, quizId: string) {
  return db.quizAttempt.findFirst({ where: { userId, quizId, status: "in_progress" }, orderBy: { startedAt: "desc" } });
}

/** Resumes the open attempt or starts one. Idempotent: a double click does not create two. */
export async function startOrResumeAttempt(userId: string, quizId: string): Promise<{ attemptId: string; seed: number }> {
  await requireQuiz(quizId);
  const open = await findOpenAttempt(userId, quizId);
  if (open) return { attemptId: open.id, seed: open.seed };
  const created = await db.quizAttempt.create({ data: { userId, quizId, seed: newAttemptSeed() } });
  return { attemptId: created.id, seed: created.seed };
}

/** The browser-safe view of an open attempt (no answer key). */
export async function getOpenAttemptView(userId: string, quizId: string): Promise<{ attemptId: string; quiz: PublicQuiz } | null> {
  const open = await findOpenAttempt(userId, quizId);
  if (!open) return null;
  return { attemptId: open.id, quiz: toPublicQuiz(await requireQuiz(quizId), open.seed) };
}

/**
 * Grades and records an attempt. The status update is conditional on the
 * attempt still being in progress, so two concurrent submits record it once.
 */
export async function submitAttempt(userId: string, attemptId: string, responses: RawResponses, decimal: DecimalSeparator = "."): Promise<GradedQuiz> {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId } });
  if (attempt?.status !== "in_progress") throw new AttemptNotFoundError("no open attempt with this id");
  const quiz = await requireQuiz(attempt.quizId);
  const graded = gradeQuiz(quiz, attempt.seed, responses, decimal);
  // the quiz file that graded it: an attempt's score is read against the questions it answered
  const contentHash = await quizContentHash(quiz.id);
  await db.$transaction(async (tx) => {
    const claimed = await tx.quizAttempt.updateMany({
      where: { id: attempt.id, status: "in_progress" },
      data: { status: "submitted", score: graded.score, maxScore: graded.maxScore, submittedAt: new Date(), contentHash },
    });
    if (claimed.count !== 1) throw new AttemptNotFoundError("attempt already submitted");
    await tx.quizAnswer.createMany({
      data: graded.questions.map((q) => ({
        attemptId: attempt.id,
        quizId: quiz.id,
        questionId: q.questionId,
        response: JSON.stringify(q.response),
        correct: q.correct,
        credit: q.credit,
      })),
    });
    await refreshItemTally(tx, userId, "quiz", quiz.id);
    await recordQuizAttemptTallies(tx, { userId, quizId: quiz.id, attemptId: attempt.id, score: graded.score, maxScore: graded.maxScore, questions: graded.questions });
  });
  return graded;
}

function parseStoredResponse(text: string): StoredResponse | null {
  try {
    return JSON.parse(text) as StoredResponse;
  } catch {
    return null;
  }
}

/** Score and per-question review (answer key and explanations) of a SUBMITTED attempt only. */
export async function getAttemptReview(
  userId: string,
  attemptId: string,
): Promise<{ quizId: string; score: number; maxScore: number; submittedAt: Date; questions: ReviewQuestion[] } | null> {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId, status: "submitted" }, include: { answers: true } });
  if (!attempt || attempt.submittedAt === null) return null;
  const quiz = await requireQuiz(attempt.quizId);
  const answers = attempt.answers.map((a) => ({ questionId: a.questionId, credit: a.credit, response: parseStoredResponse(a.response) }));
  return {
    quizId: attempt.quizId,
    score: attempt.score ?? 0,
    maxScore: attempt.maxScore ?? 0,
    submittedAt: attempt.submittedAt,
    questions: buildReview(quiz, attempt.seed, answers),
  };
}

function toSummary(a: { id: string; score: number | null; maxScore: number | null; submittedAt: Date | null }): AttemptSummary {
  return { id: a.id, score: a.score ?? 0, maxScore: a.maxScore ?? 0, submittedAt: a.submittedAt ?? new Date(0) };
}

/** Best is by fraction of the maximum (the quiz may change size between attempts); ties go to the earlier. */
export function summarizeHistory(submitted: { id: string; score: number | null; maxScore: number | null; submittedAt: Date | null }[]): QuizHistory {
  const sorted = [...submitted].sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  const fraction = (a: (typeof sorted)[number]) => (a.maxScore ? (a.score ?? 0) / a.maxScore : 0);
  let best: (typeof sorted)[number] | null = null;
  for (const a of sorted) if (!best || fraction(a) > fraction(best)) best = a;
  const latest = sorted.at(-1) ?? null;
  return { attempts: sorted.length, best: best && toSummary(best), latest: latest && toSummary(latest) };
}

export async function getQuizHistory(userId: string, quizId: string): Promise<QuizHistory> {
  const submitted = await db.quizAttempt.findMany({
    where: { userId, quizId, status: "submitted" },
    select: { id: true, score: true, maxScore: true, submittedAt: true },
  });
  return summarizeHistory(submitted);
}

/** All quizzes at once for progress pages: quiz id → history. */
export async function getAllQuizHistories(userId: string): Promise<Map<string, QuizHistory>> {
  const submitted = await db.quizAttempt.findMany({
    where: { userId, status: "submitted" },
    select: { id: true, quizId: true, score: true, maxScore: true, submittedAt: true },
  });
  const byQuiz = new Map<string, typeof submitted>();
  for (const a of submitted) byQuiz.set(a.quizId, [...(byQuiz.get(a.quizId) ?? []), a]);
  return new Map([...byQuiz].map(([quizId, list]) => [quizId, summarizeHistory(list)]));
}
