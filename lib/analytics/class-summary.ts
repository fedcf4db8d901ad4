/**
 * The headline tables of /instructor: per exercise, how many students
 * submitted and passed it and the median grading time; per quiz, how many
 * students submitted it and their mean best score. Each is one grouped
 * statement over a covering index (per student × item, then per item), so
 * only a handful of rows leave the database whatever the class size.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CourseItems, ExerciseItem, QuizItem } from "./course-items";
import { medianGradingMs } from "./exercise-stats";
import { isStudent, toNumber, valueList } from "./sql";

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

async function exerciseCounts(items: CourseItems) {
  return db.$queryRaw<{ exerciseId: string; attempted: unknown; passed: unknown }[]>(Prisma.sql`
    SELECT t."exerciseId", COUNT(*) AS attempted, SUM(t.passed) AS passed FROM (
      SELECT "exerciseId", "userId", MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END) AS passed
      FROM "Submission"
      WHERE "mode" = 'submit' AND "exerciseId" IN ${valueList(items.exercises.map((e) => e.id))} AND ${isStudent(Prisma.sql`"userId"`)}
      GROUP BY "exerciseId", "userId"
    ) t GROUP BY t."exerciseId"`);
}

async function quizCounts(items: CourseItems) {
  return db.$queryRaw<{ quizId: string; students: unknown; sumBest: unknown }[]>(Prisma.sql`
    SELECT b."quizId", COUNT(*) AS students, SUM(b.best) AS "sumBest" FROM (
      SELECT "quizId", "userId", COALESCE(MAX("score"), 0) AS best
      FROM "QuizAttempt"
      WHERE "status" = 'submitted' AND "quizId" IN ${valueList(items.quizzes.map((q) => q.id))} AND ${isStudent(Prisma.sql`"userId"`)}
      GROUP BY "quizId", "userId"
    ) b GROUP BY b."quizId"`);
}

export async function getClassSummary(items: CourseItems): Promise<ClassSummary> {
  const [students, exerciseRows, quizRows, medians] = await Promise.all([
    db.user.count({ where: { role: "student" } }),
    exerciseCounts(items),
    quizCounts(items),
    Promise.all(items.exercises.map((e) => medianGradingMs(e.id))),
  ]);
  const exercises = items.exercises.map((e, i): ExerciseSummary => {
    const row = exerciseRows.find((r) => r.exerciseId === e.id);
    const attempted = toNumber(row?.attempted);
    const passed = toNumber(row?.passed);
    return { ...e, attempted, passed, passRate: attempted ? passed / attempted : null, median: medians[i] };
  });
  const quizzes = items.quizzes.map((q): QuizSummary => {
    const row = quizRows.find((r) => r.quizId === q.id);
    const count = toNumber(row?.students);
    return { ...q, students: count, meanBest: count && q.maxScore ? toNumber(row?.sumBest) / count / q.maxScore : null };
  });
  return { students, exercises, quizzes };
}
