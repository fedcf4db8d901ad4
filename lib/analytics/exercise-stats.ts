/**
 * Analytics of one coding exercise, computed in the database (grouped
 * statements whose results are a handful of rows; portable SQL, see sql.ts):
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
import { isStudent, toNumber } from "./sql";
import { findExercise } from "@/lib/content/manifest";

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

/**
 * Median of gradingMs without loading the column: count, then read the one or
 * two middle values through the (exerciseId, gradingMs) index. Exact; the
 * OFFSET walks half of the exercise's index entries, a few ms per 100,000.
 * Raw SQL selecting only "gradingMs": Prisma's findMany also selects "id",
 * which the index does not cover, and PostgreSQL then fetched every skipped
 * row from the table (0.25–2.9 s per exercise at 50,000 students, against
 * 40 ms index-only).
 */
export async function medianGradingMs(exerciseId: string): Promise<number | null> {
  const where = Prisma.sql`"exerciseId" = ${exerciseId} AND "gradingMs" IS NOT NULL`;
  const [row] = await db.$queryRaw<{ n: unknown }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM "Submission" WHERE ${where}`);
  const count = toNumber(row?.n);
  if (count === 0) return null;
  const middle = await db.$queryRaw<{ gradingMs: unknown }[]>(Prisma.sql`
    SELECT "gradingMs" FROM "Submission" WHERE ${where}
    ORDER BY "gradingMs" LIMIT ${count % 2 === 1 ? 1 : 2} OFFSET ${Math.floor((count - 1) / 2)}`);
  const values = middle.map((m) => toNumber(m.gradingMs));
  return values.reduce((s, v) => s + v, 0) / values.length;
}

const students = isStudent(Prisma.sql`"userId"`);

/** Students who submitted, students who passed, submits: one pass over the covering index. */
async function headline(exerciseId: string) {
  const [row] = await db.$queryRaw<{ students: unknown; passed: unknown; submits: unknown }[]>(Prisma.sql`
    SELECT COUNT(*) AS students, SUM(t.passed) AS passed, SUM(t.n) AS submits FROM (
      SELECT "userId", COUNT(*) AS n, MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END) AS passed
      FROM "Submission" WHERE "exerciseId" = ${exerciseId} AND "mode" = 'submit' AND ${students}
      GROUP BY "userId"
    ) t`);
  return { attempted: toNumber(row?.students), passed: toNumber(row?.passed), submits: toNumber(row?.submits) };
}

/**
 * For each student who passed, the submits up to and including the first
 * passing one; a window gives every submit its student's first pass, so the
 * exercise's submits are read once.
 */
async function attemptsUntilFirstPass(exerciseId: string): Promise<AttemptsBucket[]> {
  const rows = await db.$queryRaw<{ attempts: unknown; students: unknown }[]>(Prisma.sql`
    SELECT t.n AS attempts, COUNT(*) AS students FROM (
      SELECT s."userId", SUM(CASE WHEN s."createdAt" <= s."firstPass" THEN 1 ELSE 0 END) AS n FROM (
        SELECT "userId", "createdAt", MIN(CASE WHEN "verdict" = 'passed' THEN "createdAt" END) OVER (PARTITION BY "userId") AS "firstPass"
        FROM "Submission" WHERE "exerciseId" = ${exerciseId} AND "mode" = 'submit' AND ${students}
      ) s
      WHERE s."firstPass" IS NOT NULL
      GROUP BY s."userId"
    ) t
    GROUP BY t.n
    ORDER BY t.n`);
  return rows.map((r) => ({ attempts: toNumber(r.attempts), students: toNumber(r.students) }));
}

async function misconceptionCounts(exerciseId: string): Promise<MisconceptionCount[]> {
  const rows = await db.$queryRaw<{ misconceptionId: string; detections: unknown; students: unknown }[]>(Prisma.sql`
    SELECT "misconceptionId", COUNT(*) AS detections, COUNT(DISTINCT "userId") AS students
    FROM "SubmissionMisconception" WHERE "exerciseId" = ${exerciseId}
    GROUP BY "misconceptionId"`);
  return rows
    .map((r) => ({ misconceptionId: r.misconceptionId, detections: toNumber(r.detections), students: toNumber(r.students) }))
    .sort((a, b) => b.detections - a.detections || a.misconceptionId.localeCompare(b.misconceptionId));
}

export async function getExerciseStats(exerciseId: string): Promise<ExerciseStats> {
  const [counts, distribution, testRows, misconceptions, median] = await Promise.all([
    headline(exerciseId),
    attemptsUntilFirstPass(exerciseId),
    db.submissionTestResult.groupBy({ by: ["testId", "status"], where: { exerciseId, visibility: "hidden" }, _count: { _all: true } }),
    misconceptionCounts(exerciseId),
    medianGradingMs(exerciseId),
  ]);

  const tests = new Map<string, TestFailure>();
  for (const row of testRows) {
    const t = tests.get(row.testId) ?? { testId: row.testId, failures: 0, executions: 0 };
    t.executions += row._count._all;
    if (FAILING.includes(row.status)) t.failures += row._count._all;
    tests.set(row.testId, t);
  }

  return {
    exerciseId,
    studentsAttempted: counts.attempted,
    studentsPassed: counts.passed,
    passRate: counts.attempted ? counts.passed / counts.attempted : null,
    submits: counts.submits,
    attemptsUntilPass: distribution,
    hiddenTestFailures: [...tests.values()]
      .filter((t) => t.failures > 0)
      .sort((a, b) => b.failures - a.failures || a.testId.localeCompare(b.testId)),
    misconceptions,
    medianGradingMs: median,
  };
}

/**
 * The message and lesson link the grader gave for a misconception, from the
 * latest report that carries it: the exercise's submissions are walked newest
 * first through the (exerciseId, createdAt) index — or (userId, exerciseId,
 * createdAt) for one student — and each is checked through the misconception
 * index, so a frequent misconception is found after a few rows. (Prisma's
 * `some` filter became an IN list built from every detection of the class.)
 */
export async function describeMisconception(
  exerciseId: string,
  misconceptionId: string,
  userId?: string,
): Promise<{ message: string; lesson?: string } | null> {
  // the manifest names every current mistake; only one removed since is looked up in a stored report
  const known = (await findExercise(exerciseId))?.misconceptions.find((m) => m.id === misconceptionId);
  if (known) return { message: known.message, lesson: known.lesson };
  const [sub] = await db.$queryRaw<{ report: string | null }[]>(Prisma.sql`
    SELECT s."report" FROM "Submission" s
    WHERE s."exerciseId" = ${exerciseId} ${userId ? Prisma.sql`AND s."userId" = ${userId}` : Prisma.empty}
      AND EXISTS (SELECT 1 FROM "SubmissionMisconception" m WHERE m."submissionId" = s."id" AND m."misconceptionId" = ${misconceptionId})
    ORDER BY s."createdAt" DESC
    LIMIT 1`);
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
