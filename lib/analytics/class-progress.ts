/**
 * The class completion matrix: one row per student, one cell per course item.
 * Every number comes from a database aggregate (groupBy per student × item)
 * over one page of students at a time (roster-page.ts picks and orders the
 * page, grades-stream.ts walks the class in chunks).
 *
 * Definitions (shared with the CSV export and the student dashboard):
 * - lesson: read or not (a LessonProgress row);
 * - quiz: best submitted score in points (max over attempts) out of the quiz's
 *   current maximum, and the number of submitted attempts;
 * - exercise: only mode "submit" counts; best score (0..1), attempts, and
 *   "passed" once any submit has verdict "passed".
 */
import { db } from "@/lib/db";
import type { CourseItems } from "./course-items";

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

/** Most student ids one call reads: a roster page or one CSV chunk, never the class. */
export const MAX_ROWS_PER_READ = 500;

export interface StudentIdentity {
  id: string;
  name: string;
  email: string;
}

/**
 * The matrix rows of the given students (one roster page or one CSV chunk),
 * in the given order. The id lists are bounded by MAX_ROWS_PER_READ, so the
 * statements' parameter counts never grow with the class, and every
 * groupBy is answered from a covering index (see the dashboard migrations).
 */
export async function getProgressRows(items: CourseItems, students: StudentIdentity[]): Promise<StudentProgressRow[]> {
  if (students.length > MAX_ROWS_PER_READ) throw new Error(`getProgressRows reads at most ${MAX_ROWS_PER_READ} students at a time`);
  if (students.length === 0) return [];
  const userId = { in: students.map((s) => s.id) };
  const quizIds = items.quizzes.map((q) => q.id);
  const exerciseIds = items.exercises.map((e) => e.id);
  const [reads, quizBest, submitStats, passes] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId, lessonId: { in: items.lessons.map((l) => l.id) } }, select: { userId: true, lessonId: true } }),
    db.quizAttempt.groupBy({
      by: ["userId", "quizId"],
      where: { userId, quizId: { in: quizIds }, status: "submitted" },
      _max: { score: true },
      _count: { _all: true },
    }),
    db.submission.groupBy({
      by: ["userId", "exerciseId"],
      where: { userId, exerciseId: { in: exerciseIds }, mode: "submit" },
      _max: { score: true },
      _count: { _all: true },
    }),
    db.submission.groupBy({
      by: ["userId", "exerciseId"],
      where: { userId, exerciseId: { in: exerciseIds }, mode: "submit", verdict: "passed" },
      _count: { _all: true },
    }),
  ]);

  const rows = new Map<string, Omit<StudentProgressRow, "totals">>();
  for (const s of students) rows.set(s.id, { userId: s.id, name: s.name, email: s.email, lessons: {}, quizzes: {}, exercises: {} });
  for (const r of reads) {
    const row = rows.get(r.userId);
    if (row) row.lessons[r.lessonId] = true;
  }
  for (const q of quizBest) {
    const row = rows.get(q.userId);
    if (row) row.quizzes[q.quizId] = { best: q._max.score, attempts: q._count._all };
  }
  const passed = new Set(passes.map((p) => `${p.userId}\u0000${p.exerciseId}`));
  for (const s of submitStats) {
    const row = rows.get(s.userId);
    if (!row) continue;
    const status: ExerciseCellStatus = passed.has(`${s.userId}\u0000${s.exerciseId}`) ? "passed" : "attempted";
    row.exercises[s.exerciseId] = { status, best: s._max.score, attempts: s._count._all };
  }
  return [...rows.values()].map((row) => ({ ...row, totals: computeTotals(row, items) }));
}
