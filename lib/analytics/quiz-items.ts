/**
 * Item analysis of one quiz, over each student's FIRST submitted attempt (a
 * retake comes after the review showed the answer key, so later attempts say
 * little about the question). Per question: percent fully correct, the
 * distribution of chosen options (distractor analysis) and the discrimination
 * index (discrimination.ts). Counting happens in the database: groupBy over
 * QuizAnswer restricted to the first attempts; only one narrow row per
 * attempt is read to pick first attempts and rank students.
 */
import { db } from "@/lib/db";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import type { Question } from "@/lib/quiz/schema";
import { discriminationIndex, extremeGroups, type ScoredStudent } from "./discrimination";

export interface OptionShare {
  id: string;
  label: string;
  correct: boolean;
  /** students (first attempts) who picked it */
  count: number;
  /** count / answered, 0..1 */
  share: number;
}

export interface QuestionAnalysis {
  questionId: string;
  type: Question["type"];
  prompt: string;
  lesson?: string;
  answered: number;
  correct: number;
  /** correct / answered, null when nobody answered */
  percentCorrect: number | null;
  /** choice and true/false questions only; multiple-select picks add up to more than 100% */
  options: OptionShare[] | null;
  /** picks with no option (left blank, or several on a single-choice question) */
  blank: number;
  discrimination: number | null;
}

export interface QuizAnalysis {
  quizId: string;
  title: string;
  students: number;
  groupSize: number;
  meanPercent: number | null;
  questions: QuestionAnalysis[];
}

type ParsedResponse = { kind?: string; optionIds?: unknown; value?: unknown };

function parseResponse(text: string): ParsedResponse {
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as ParsedResponse) : {};
  } catch {
    return {};
  }
}

/** Picks each student's first submitted attempt (ties by attempt id). */
export function firstAttempts(
  attempts: { id: string; userId: string; score: number | null; maxScore: number | null; submittedAt: Date | null }[],
): ScoredStudent[] {
  const first = new Map<string, (typeof attempts)[number]>();
  for (const a of attempts) {
    const seen = first.get(a.userId);
    const t = a.submittedAt?.getTime() ?? 0;
    const st = seen?.submittedAt?.getTime() ?? 0;
    if (!seen || t < st || (t === st && a.id < seen.id)) first.set(a.userId, a);
  }
  return [...first.values()].map((a) => ({ userId: a.userId, attemptId: a.id, total: a.maxScore ? (a.score ?? 0) / a.maxScore : 0 }));
}

export async function getQuizAnalysis(quizId: string): Promise<QuizAnalysis | null> {
  const quiz = await loadQuiz(quizId);
  if (!quiz) return null;
  const attempts = await db.quizAttempt.findMany({
    where: { quizId, status: "submitted", user: { role: "student" } },
    select: { id: true, userId: true, score: true, maxScore: true, submittedAt: true },
  });
  const scored = firstAttempts(attempts);
  const ids = scored.map((s) => s.attemptId);
  const groups = extremeGroups(scored);
  const choiceIds = quiz.questions.filter((q) => q.type === "single" || q.type === "multiple" || q.type === "true-false").map((q) => q.id);

  const [byCorrect, byResponse, upper, lower] = await Promise.all([
    db.quizAnswer.groupBy({ by: ["questionId", "correct"], where: { attemptId: { in: ids } }, _count: { _all: true } }),
    db.quizAnswer.groupBy({ by: ["questionId", "response"], where: { attemptId: { in: ids }, questionId: { in: choiceIds } }, _count: { _all: true } }),
    groups
      ? db.quizAnswer.groupBy({ by: ["questionId"], where: { attemptId: { in: groups.upper.map((s) => s.attemptId) }, correct: true }, _count: { _all: true } })
      : [],
    groups
      ? db.quizAnswer.groupBy({ by: ["questionId"], where: { attemptId: { in: groups.lower.map((s) => s.attemptId) }, correct: true }, _count: { _all: true } })
      : [],
  ]);

  const questions = quiz.questions.map((q): QuestionAnalysis => {
    const right = byCorrect.find((r) => r.questionId === q.id && r.correct)?._count._all ?? 0;
    const wrong = byCorrect.find((r) => r.questionId === q.id && !r.correct)?._count._all ?? 0;
    const answered = right + wrong;
    let options: OptionShare[] | null = null;
    let blank = 0;
    if (q.type === "single" || q.type === "multiple" || q.type === "true-false") {
      const labels =
        q.type === "true-false"
          ? [
              { id: "true", label: "True", correct: q.answer === true },
              { id: "false", label: "False", correct: q.answer === false },
            ]
          : q.options.map((o) => ({ id: o.id, label: o.text, correct: o.correct }));
      const counts = new Map<string, number>(labels.map((l) => [l.id, 0]));
      for (const row of byResponse.filter((r) => r.questionId === q.id)) {
        const parsed = parseResponse(row.response);
        const picked =
          parsed.kind === "boolean"
            ? typeof parsed.value === "boolean"
              ? [String(parsed.value)]
              : []
            : Array.isArray(parsed.optionIds)
              ? parsed.optionIds.filter((x): x is string => typeof x === "string")
              : [];
        if (picked.length === 0) blank += row._count._all;
        for (const id of picked) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + row._count._all);
      }
      options = labels.map((l) => {
        const count = counts.get(l.id) ?? 0;
        return { ...l, count, share: answered ? count / answered : 0 };
      });
    }
    const u = upper.find((r) => r.questionId === q.id)?._count._all ?? 0;
    const l = lower.find((r) => r.questionId === q.id)?._count._all ?? 0;
    return {
      questionId: q.id,
      type: q.type,
      prompt: q.prompt,
      lesson: q.lesson,
      answered,
      correct: right,
      percentCorrect: answered ? right / answered : null,
      options,
      blank,
      discrimination: groups ? discriminationIndex(u, l, groups.size) : null,
    };
  });

  return {
    quizId,
    title: quiz.title,
    students: scored.length,
    groupSize: groups?.size ?? 0,
    meanPercent: scored.length ? (100 * scored.reduce((s, x) => s + x.total, 0)) / scored.length : null,
    questions,
  };
}
