/**
 * The headline tables of /instructor: per exercise, how many students
 * submitted and passed it and the median grading time; per quiz, how many
 * students submitted it and their mean best score. One grouped statement
 * over the running tallies' covering index (kind, item, student, …;
 * tallies/item-tally.ts), so only a handful of rows leave the database.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CourseItems, ExerciseItem, QuizItem } from "./course-items";
import { medianGradingMs } from "./exercise-stats";
import { currentItems, isStudent, toNumber } from "./sql";

export interface ExerciseSummary extends ExerciseItem {
  attempted: number;
  passed: number;
  passRate: number | null;
  median: number | null;
}
export interface QuizSummary extends QuizItem {
  students: number;
  /** mean over students of best points / the quiz's maximum, 0..1 */
  meanBest: number | null;
}
export interface ClassSummary {
  students: number;
  exercises: ExerciseSummary[];
  quizzes: QuizSummary[];
}

/** Per item of the course: students with a tally (attempted/taken), passed, sum of best scores. */
async function itemCounts(items: CourseItems) {
  return db.$queryRaw<{ kind: string; itemId: string; students: unknown; passed: unknown; sumBest: unknown }[]>(Prisma.sql`
    SELECT "kind", "itemId", COUNT(*) AS students, SUM("passed") AS passed, SUM(COALESCE("best", 0)) AS "sumBest"
    FROM "ItemTally"
    WHERE "kind" IN ('quiz', 'exercise') AND ${currentItems(items)} AND ${isStudent(Prisma.sql`"userId"`)}
    GROUP BY "kind", "itemId"`);
}

export async function getClassSummary(items: CourseItems): Promise<ClassSummary> {
  const [students, counts, medians] = await Promise.all([
    db.user.count({ where: { role: "student" } }),
    itemCounts(items),
    Promise.all(items.exercises.map((e) => medianGradingMs(e.id))),
  ]);
  const exercises = items.exercises.map((e, i): ExerciseSummary => {
    const row = counts.find((r) => r.kind === "exercise" && r.itemId === e.id);
    const attempted = toNumber(row?.students);
    const passed = toNumber(row?.passed);
    return { ...e, attempted, passed, passRate: attempted ? passed / attempted : null, median: medians[i] };
  });
  const quizzes = items.quizzes.map((q): QuizSummary => {
    const row = counts.find((r) => r.kind === "quiz" && r.itemId === q.id);
    const count = toNumber(row?.students);
    return { ...q, students: count, meanBest: count && q.maxScore ? toNumber(row?.sumBest) / count / q.maxScore : null };
  });
  return { students, exercises, quizzes };
}
