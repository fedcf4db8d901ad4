/**
 * Item analysis of one quiz, over each student's FIRST submitted attempt (a
 * retake comes after the review showed the answer key, so later attempts say
 * little about the question). Per question: percent fully correct, the
 * distribution of chosen options (distractor analysis) and the discrimination
 * index (discrimination.ts). Everything is counted in the database, exactly,
 * for any class size: first attempts and the upper/lower ranking are window
 * functions, and the answers are grouped in one pass, so only a few rows per
 * question leave the database and no statement lists students or attempts.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import type { Question } from "@/lib/quiz/schema";
import { discriminationIndex, groupSize } from "./discrimination";
import { isStudent, toNumber, valueList } from "./sql";

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

/**
 * Each student's first submitted attempt (earliest submission, ties by
 * attempt id) with its total as a fraction of that attempt's maximum.
 * ROW_NUMBER() is a window function of both SQLite (≥ 3.25) and PostgreSQL.
 * Ties compare ids with the database's collation (bytewise on SQLite).
 */
function firstAttemptsCte(quizId: string): Prisma.Sql {
  return Prisma.sql`WITH ranked AS (
    SELECT a."id", a."userId",
      CASE WHEN a."maxScore" > 0 THEN COALESCE(a."score", 0) / a."maxScore" ELSE 0 END AS total,
      ROW_NUMBER() OVER (
        PARTITION BY a."userId" ORDER BY CASE WHEN a."submittedAt" IS NULL THEN 0 ELSE 1 END, a."submittedAt", a."id"
      ) AS nth
    FROM "QuizAttempt" a
    WHERE a."quizId" = ${quizId} AND a."status" = 'submitted' AND ${isStudent(Prisma.sql`a."userId"`)}
  ),
  firsts AS (SELECT "id", "userId", total FROM ranked WHERE nth = 1)`;
}

interface AnswerGroup {
  questionId: string;
  /** the raw response of a choice question; null for other types (only correctness is counted) */
  response: string | null;
  correct: unknown;
  answers: unknown;
  upper: unknown;
  lower: unknown;
}

/**
 * Answers of the first attempts, counted by question × response ×
 * correctness, and by whether the student is in the upper or lower group
 * (the n best and n worst totals, ties by user id: discrimination.ts). One
 * pass over the answers; the groups come from two window rankings.
 */
async function answerGroups(quizId: string, choiceIds: string[], groupSize: number): Promise<AnswerGroup[]> {
  return db.$queryRaw<AnswerGroup[]>(Prisma.sql`${firstAttemptsCte(quizId)},
  ranks AS (
    SELECT "id",
      ROW_NUMBER() OVER (ORDER BY total DESC, "userId") AS high,
      ROW_NUMBER() OVER (ORDER BY total, "userId") AS low
    FROM firsts
  )
  SELECT x."questionId", x.response, x.correct, COUNT(*) AS answers, SUM(x.upper) AS upper, SUM(x.lower) AS lower FROM (
    SELECT ans."questionId",
      CASE WHEN ans."questionId" IN ${valueList(choiceIds)} THEN ans."response" ELSE NULL END AS response,
      CASE WHEN ans."correct" THEN 1 ELSE 0 END AS correct,
      CASE WHEN r.high <= ${groupSize} THEN 1 ELSE 0 END AS upper,
      CASE WHEN r.low <= ${groupSize} THEN 1 ELSE 0 END AS lower
    FROM ranks r JOIN "QuizAnswer" ans ON ans."attemptId" = r."id"
  ) x
  GROUP BY x."questionId", x.response, x.correct`);
}

function pickedOptions(response: string): string[] {
  const parsed = parseResponse(response);
  if (parsed.kind === "boolean") return typeof parsed.value === "boolean" ? [String(parsed.value)] : [];
  return Array.isArray(parsed.optionIds) ? parsed.optionIds.filter((x): x is string => typeof x === "string") : [];
}

export async function getQuizAnalysis(quizId: string): Promise<QuizAnalysis | null> {
  const quiz = await loadQuiz(quizId);
  if (!quiz) return null;
  const [summary] = await db.$queryRaw<{ students: unknown; mean: unknown }[]>(
    Prisma.sql`${firstAttemptsCte(quizId)} SELECT COUNT(*) AS students, AVG(total) AS mean FROM firsts`,
  );
  const studentCount = toNumber(summary?.students);
  const size = groupSize(studentCount);
  const choiceIds = quiz.questions.filter((q) => q.type === "single" || q.type === "multiple" || q.type === "true-false").map((q) => q.id);
  const groups = studentCount ? await answerGroups(quizId, choiceIds, size) : [];
  const sum = (rows: AnswerGroup[], pick: (r: AnswerGroup) => unknown) => rows.reduce((s, r) => s + toNumber(pick(r)), 0);

  const questions = quiz.questions.map((q): QuestionAnalysis => {
    const rows = groups.filter((r) => r.questionId === q.id);
    const rightRows = rows.filter((r) => toNumber(r.correct) === 1);
    const right = sum(rightRows, (r) => r.answers);
    const answered = sum(rows, (r) => r.answers);
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
      for (const row of rows) {
        const picked = pickedOptions(row.response ?? "");
        const n = toNumber(row.answers);
        if (picked.length === 0) blank += n;
        for (const id of picked) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + n);
      }
      options = labels.map((l) => {
        const count = counts.get(l.id) ?? 0;
        return { ...l, count, share: answered ? count / answered : 0 };
      });
    }
    const u = sum(rightRows, (r) => r.upper);
    const l = sum(rightRows, (r) => r.lower);
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
      discrimination: size > 0 ? discriminationIndex(u, l, size) : null,
    };
  });

  return {
    quizId,
    title: quiz.title,
    students: studentCount,
    groupSize: size,
    meanPercent: studentCount ? 100 * toNumber(summary?.mean) : null,
    questions,
  };
}
