/**
 * Analytics of one coding exercise, computed in the database:
 * - pass rate: students with a passing submit / students with any submit;
 * - attempts until first pass: for each student who passed, the number of
 *   submits up to and including the first passing one; the distribution is
 *   how many students needed 1, 2, 3, … submits;
 * - hidden tests failed most often (failed, error or timeout results), with
 *   how often each was executed;
 * - misconceptions detected most often (detections and distinct students);
 * - median grading time over every graded submission (run and submit).
 * Only "submit" counts for passing and attempts; "run" is practice.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export interface AttemptsBucket {
  attempts: number;
  students: number;
}
export interface TestFailure {
  testId: string;
  failures: number;
  executions: number;
}
export interface MisconceptionCount {
  misconceptionId: string;
  detections: number;
  students: number;
}
export interface ExerciseStats {
  exerciseId: string;
  studentsAttempted: number;
  studentsPassed: number;
  passRate: number | null;
  submits: number;
  attemptsUntilPass: AttemptsBucket[];
  hiddenTestFailures: TestFailure[];
  misconceptions: MisconceptionCount[];
  medianGradingMs: number | null;
}

const FAILING = ["failed", "error", "timeout"];

function toNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}

/**
 * Median of gradingMs without loading the column: count, then read the one or
 * two middle values through the (exerciseId, gradingMs) index.
 */
export async function medianGradingMs(exerciseId: string): Promise<number | null> {
  const where = { exerciseId, gradingMs: { not: null } };
  const count = await db.submission.count({ where });
  if (count === 0) return null;
  const middle = await db.submission.findMany({
    where,
    orderBy: { gradingMs: "asc" },
    skip: Math.floor((count - 1) / 2),
    take: count % 2 === 1 ? 1 : 2,
    select: { gradingMs: true },
  });
  const values = middle.map((m) => m.gradingMs ?? 0);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Portable SQL (no SQLite-only features): Prisma's groupBy cannot compare each
 * row against a per-student minimum, so this one aggregate is written by hand.
 */
async function attemptsUntilFirstPass(exerciseId: string): Promise<AttemptsBucket[]> {
  const rows = await db.$queryRaw<{ attempts: unknown; students: unknown }[]>(Prisma.sql`
    SELECT t.n AS attempts, COUNT(*) AS students FROM (
      SELECT s."userId", COUNT(*) AS n
      FROM "Submission" s
      JOIN "user" u ON u."id" = s."userId" AND u."role" = 'student'
      JOIN (
        SELECT "userId", MIN("createdAt") AS "firstPass" FROM "Submission"
        WHERE "exerciseId" = ${exerciseId} AND "mode" = 'submit' AND "verdict" = 'passed'
        GROUP BY "userId"
      ) p ON p."userId" = s."userId"
      WHERE s."exerciseId" = ${exerciseId} AND s."mode" = 'submit' AND s."createdAt" <= p."firstPass"
      GROUP BY s."userId"
    ) t
    GROUP BY t.n
    ORDER BY t.n`);
  return rows.map((r) => ({ attempts: toNumber(r.attempts), students: toNumber(r.students) }));
}

export async function getExerciseStats(exerciseId: string): Promise<ExerciseStats> {
  const submitWhere = { exerciseId, mode: "submit", user: { role: "student" } };
  const [attempted, passed, distribution, testRows, misconceptionRows, misconceptionStudents, median] = await Promise.all([
    db.submission.groupBy({ by: ["userId"], where: submitWhere, _count: { _all: true } }),
    db.submission.groupBy({ by: ["userId"], where: { ...submitWhere, verdict: "passed" }, _count: { _all: true } }),
    attemptsUntilFirstPass(exerciseId),
    db.submissionTestResult.groupBy({ by: ["testId", "status"], where: { exerciseId, visibility: "hidden" }, _count: { _all: true } }),
    db.submissionMisconception.groupBy({ by: ["misconceptionId"], where: { exerciseId }, _count: { _all: true } }),
    db.submissionMisconception.groupBy({ by: ["misconceptionId", "userId"], where: { exerciseId } }),
    medianGradingMs(exerciseId),
  ]);

  const tests = new Map<string, TestFailure>();
  for (const row of testRows) {
    const t = tests.get(row.testId) ?? { testId: row.testId, failures: 0, executions: 0 };
    t.executions += row._count._all;
    if (FAILING.includes(row.status)) t.failures += row._count._all;
    tests.set(row.testId, t);
  }
  const studentsPer = new Map<string, number>();
  for (const row of misconceptionStudents) studentsPer.set(row.misconceptionId, (studentsPer.get(row.misconceptionId) ?? 0) + 1);

  return {
    exerciseId,
    studentsAttempted: attempted.length,
    studentsPassed: passed.length,
    passRate: attempted.length ? passed.length / attempted.length : null,
    submits: attempted.reduce((s, r) => s + r._count._all, 0),
    attemptsUntilPass: distribution,
    hiddenTestFailures: [...tests.values()]
      .filter((t) => t.failures > 0)
      .sort((a, b) => b.failures - a.failures || a.testId.localeCompare(b.testId)),
    misconceptions: misconceptionRows
      .map((r) => ({ misconceptionId: r.misconceptionId, detections: r._count._all, students: studentsPer.get(r.misconceptionId) ?? 0 }))
      .sort((a, b) => b.detections - a.detections || a.misconceptionId.localeCompare(b.misconceptionId)),
    medianGradingMs: median,
  };
}

/** The message and lesson link the grader gave for a misconception, from the latest report that carries it. */
export async function describeMisconception(
  exerciseId: string,
  misconceptionId: string,
  userId?: string,
): Promise<{ message: string; lesson?: string } | null> {
  const sub = await db.submission.findFirst({
    where: { exerciseId, ...(userId ? { userId } : {}), misconceptions: { some: { misconceptionId } } },
    orderBy: { createdAt: "desc" },
    select: { report: true },
  });
  if (!sub?.report) return null;
  try {
    const report = JSON.parse(sub.report) as { misconceptions?: { id?: unknown; message?: unknown; lesson?: unknown }[] };
    const found = report.misconceptions?.find((m) => m.id === misconceptionId);
    if (!found || typeof found.message !== "string") return null;
    return { message: found.message, ...(typeof found.lesson === "string" ? { lesson: found.lesson } : {}) };
  } catch {
    return null;
  }
}
