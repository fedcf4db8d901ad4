/**
 * The class completion matrix: one row per student, one cell per course item.
 * Every number comes from the running tally per student × item
 * (tallies/item-tally.ts), read for one page of students at a time (roster-page.ts picks and orders the
 * page; the CSV reads its chunks in one keyset statement each: grades-chunk.ts).
 *
 * Definitions (shared with the CSV export and the student dashboard):
 * - lesson: read or not (a LessonProgress row);
 * - quiz: best submitted score in points (max over attempts) out of the quiz's
 *   current maximum, and the number of submitted attempts;
 * - exercise: only mode "submit" counts; best score (0..1), attempts, and
 *   "passed" once any submit has verdict "passed".
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CourseItems } from "./course-items";
import { currentItems, toNullableNumber, toNumber, valueList } from "./sql";

export type ExerciseCellStatus = "not-started" | "attempted" | "passed";

export interface QuizCell {
  best: number | null;
  attempts: number;
}
export interface ExerciseCell {
  status: ExerciseCellStatus;
  best: number | null;
  attempts: number;
}

export interface StudentProgressRow {
  userId: string;
  name: string;
  email: string;
  lessons: Record<string, boolean>;
  quizzes: Record<string, QuizCell>;
  exercises: Record<string, ExerciseCell>;
  totals: ProgressTotals;
}

export interface ProgressTotals {
  lessonsRead: number;
  quizzesTaken: number;
  /** sum of best quiz points */
  quizPoints: number;
  exercisesPassed: number;
  /** sum of best exercise scores (each 0..1) */
  exercisePoints: number;
  /** mean over all items of the item's fraction (lesson 0/1, quiz best/max, exercise best), 0..100 */
  overallPercent: number;
  /** items with any activity / all items */
  itemsStarted: number;
}

export function computeTotals(row: Omit<StudentProgressRow, "totals">, items: CourseItems): ProgressTotals {
  let fractionSum = 0;
  let started = 0;
  let lessonsRead = 0;
  let quizzesTaken = 0;
  let quizPoints = 0;
  let exercisesPassed = 0;
  let exercisePoints = 0;
  for (const l of items.lessons) {
    if (row.lessons[l.id]) {
      lessonsRead += 1;
      started += 1;
      fractionSum += 1;
    }
  }
  for (const q of items.quizzes) {
    const cell = row.quizzes[q.id];
    if (cell && cell.attempts > 0) {
      quizzesTaken += 1;
      started += 1;
      quizPoints += cell.best ?? 0;
      fractionSum += q.maxScore > 0 ? Math.min(1, (cell.best ?? 0) / q.maxScore) : 0;
    }
  }
  for (const e of items.exercises) {
    const cell = row.exercises[e.id];
    if (cell && cell.attempts > 0) {
      started += 1;
      if (cell.status === "passed") exercisesPassed += 1;
      exercisePoints += cell.best ?? 0;
      fractionSum += cell.best ?? 0;
    }
  }
  const count = items.ordered.length;
  return {
    lessonsRead,
    quizzesTaken,
    quizPoints: round(quizPoints),
    exercisesPassed,
    exercisePoints: round(exercisePoints),
    overallPercent: count ? round((100 * fractionSum) / count) : 0,
    itemsStarted: started,
  };
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Most student ids one call reads: a roster page, never the class. The ids are bound once per branch (3 × 300 plus the item ids stays
 * under the 999 values Prisma allows one SQLite statement).
 */
export const MAX_ROWS_PER_READ = 300;

export interface StudentIdentity {
  id: string;
  name: string;
  email: string;
}

interface CellRow {
  kind: "lesson" | "quiz" | "exercise";
  userId: string;
  itemId: string;
  best: unknown;
  attempts: unknown;
  passed: unknown;
}

/**
 * The cells of the given students as one statement over the running tallies
 * (tallies/item-tally.ts): one "ItemTally" row per student × item with any
 * activity, read by primary key, restricted to the items the course has now.
 */
function cellsStatement(items: CourseItems, students: StudentIdentity[]): Prisma.Sql {
  return Prisma.sql`
    SELECT "kind", "userId", "itemId", "best", "attempts", "passed" FROM "ItemTally"
    WHERE "userId" IN ${valueList(students.map((s) => s.id))} AND ${currentItems(items)}`;
}

/**
 * The matrix rows of the given students (one roster page or one CSV chunk),
 * in the given order. The id list is bounded by MAX_ROWS_PER_READ, so the
 * statement's parameter count never grows with the class. (One raw
 * statement rather than four Prisma groupBys with the same id list: Prisma
 * spent 20–40 ms building each of those for 500 ids.)
 */
export async function getProgressRows(items: CourseItems, students: StudentIdentity[]): Promise<StudentProgressRow[]> {
  if (students.length > MAX_ROWS_PER_READ) throw new Error(`getProgressRows reads at most ${MAX_ROWS_PER_READ} students at a time`);
  if (students.length === 0) return [];
  const cells = await db.$queryRaw<CellRow[]>(cellsStatement(items, students));
  const rows = new Map<string, Omit<StudentProgressRow, "totals">>();
  for (const s of students) rows.set(s.id, { userId: s.id, name: s.name, email: s.email, lessons: {}, quizzes: {}, exercises: {} });
  for (const c of cells) {
    const row = rows.get(c.userId);
    if (!row) continue;
    if (c.kind === "lesson") row.lessons[c.itemId] = true;
    else if (c.kind === "quiz") row.quizzes[c.itemId] = { best: toNullableNumber(c.best), attempts: toNumber(c.attempts) };
    else {
      const status: ExerciseCellStatus = toNumber(c.passed) > 0 ? "passed" : "attempted";
      row.exercises[c.itemId] = { status, best: toNullableNumber(c.best), attempts: toNumber(c.attempts) };
    }
  }
  return [...rows.values()].map((row) => ({ ...row, totals: computeTotals(row, items) }));
}
