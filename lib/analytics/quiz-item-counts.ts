/**
 * The counts behind a quiz's item analysis, read from the running tallies
 * (tallies/quiz-tally.ts; why tallies: the comment there), staff excluded.
 * Every statement is bounded by the quiz's content (questions, distinct
 * responses) or by the few staff users, never by the class, except the
 * index ranges of the first-attempt table, which are narrow and need no join.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { isStudent, toNumber } from "./sql";
import { RESPONSE_COUNTS, RESPONSE_KEY } from "./tallies/quiz-backfill";

export interface ResponseCount {
  questionId: string;
  /** the stored JSON of a choice or true/false answer; "" for a number answer */
  response: string;
  firstAnswers: number;
  firstCorrect: number;
  allAnswers: number;
  allCorrect: number;
}

interface ResponseRow {
  questionId: string;
  response: string;
  firstAnswers: unknown;
  firstCorrect: unknown;
  allAnswers: unknown;
  allCorrect: unknown;
}

const STAFF = Prisma.sql`SELECT "id" FROM "user" WHERE "role" < 'student' OR "role" > 'student'`;

function toCount(row: ResponseRow, sign: 1 | -1): ResponseCount {
  return {
    questionId: row.questionId,
    response: row.response,
    firstAnswers: sign * toNumber(row.firstAnswers),
    firstCorrect: sign * toNumber(row.firstCorrect),
    allAnswers: sign * toNumber(row.allAnswers),
    allCorrect: sign * toNumber(row.allCorrect),
  };
}

/**
 * The quiz's answers per question × response: the tally rows, plus the
 * staff's own answers (grouped exactly like the backfill groups them) with
 * negative counts, so a caller summing by question gets the students' counts.
 * The tallies count everyone so that a role change needs no rewrite.
 */
export async function responseCounts(quizId: string): Promise<ResponseCount[]> {
  const tally = await db.$queryRaw<ResponseRow[]>`
    SELECT "questionId", "response", "firstAnswers", "firstCorrect", "allAnswers", "allCorrect"
    FROM "QuizResponseTally" WHERE "quizId" = ${quizId}`;
  const staff = await db.$queryRaw<ResponseRow[]>`
    SELECT ans."questionId", ${Prisma.raw(RESPONSE_KEY)} AS "response", ${Prisma.raw(RESPONSE_COUNTS)}
    FROM "QuizAttempt" a
    JOIN "QuizAnswer" ans ON ans."attemptId" = a."id"
    LEFT JOIN "QuizFirstAttempt" f ON f."attemptId" = a."id"
    WHERE a."userId" IN (${STAFF}) AND a."quizId" = ${quizId} AND a."status" = 'submitted'
    GROUP BY ans."questionId", ${Prisma.raw(RESPONSE_KEY)}`;
  return [...tally.map((r) => toCount(r, 1)), ...staff.map((r) => toCount(r, -1))];
}

/** Students with a first attempt and the mean of their totals (fractions 0..1). */
export async function firstAttemptSummary(quizId: string): Promise<{ students: number; mean: number | null }> {
  const [row] = await db.$queryRaw<{ students: unknown; mean: unknown }[]>`
    SELECT COUNT(*) AS students, AVG("total") AS mean FROM "QuizFirstAttempt"
    WHERE "quizId" = ${quizId} AND ${isStudent(Prisma.sql`"userId"`)}`;
  const students = toNumber(row?.students);
  return { students, mean: students ? toNumber(row?.mean) : null };
}

/** `%,id,%` for LIKE … ESCAPE '\': ids are plain slugs, escaped anyway. */
function containsId(questionId: string): string {
  return `%,${questionId.replace(/[\\%_]/g, "\\$&")},%`;
}

/**
 * For the upper and the lower group (the `size` best and worst first-attempt
 * totals among students, ties by user id: discrimination.ts), how many
 * answered each question fully correctly. Reads 2 × size rows of the
 * (quizId, total, userId, correct) index and counts in the database; the
 * result is one row per group.
 */
export async function extremeGroupCorrect(quizId: string, questionIds: string[], size: number): Promise<{ upper: number[]; lower: number[] }> {
  if (size <= 0 || questionIds.length === 0) return { upper: questionIds.map(() => 0), lower: questionIds.map(() => 0) };
  const counts = Prisma.join(
    questionIds.map((id, i) => Prisma.sql`SUM(CASE WHEN g."correct" LIKE ${containsId(id)} ESCAPE '\\' THEN 1 ELSE 0 END) AS ${Prisma.raw(`"q${i}"`)}`),
  );
  const group = (direction: "DESC" | "ASC") => Prisma.sql`
    SELECT ${counts} FROM (
      SELECT "correct" FROM "QuizFirstAttempt" WHERE "quizId" = ${quizId} AND ${isStudent(Prisma.sql`"userId"`)}
      ORDER BY "total" ${Prisma.raw(direction)}, "userId" LIMIT ${size}
    ) g`;
  const read = async (direction: "DESC" | "ASC") => {
    const [row] = await db.$queryRaw<Record<string, unknown>[]>(group(direction));
    return questionIds.map((_, i) => toNumber(row?.[`q${i}`]));
  };
  return { upper: await read("DESC"), lower: await read("ASC") };
}
