/**
 * Every student's totals (the figures of computeTotals in class-progress.ts)
 * as one grouped SQL statement, so the roster can filter, sort and page the
 * whole class in the database. Only the ids of one page leave the database;
 * the page's cells are then read by getProgressRows.
 *
 * Read from the running tallies (tallies/item-tally.ts explains why and
 * what was measured): one grouped pass over "ItemTally", at most one narrow
 * row per student × item, instead of three grouped scans of every lesson
 * read, quiz attempt and submission. Quiz fractions are divided by each
 * quiz's maximum as its file says now, so an edited quiz is re-scored at
 * once; items no longer in the course are left out. At 50,000 students
 * this still groups ≈ 550k tally rows (1.3–1.6 s, see the figures in
 * tallies/item-tally.ts). Pages sorted by name, the default, never run it.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { CourseItems } from "./course-items";
import { currentItems } from "./sql";

/** Each quiz's current maximum from its file, as a tiny table (typed for PostgreSQL, which cannot infer a bound parameter's type). */
function quizMaxima(items: CourseItems): Prisma.Sql {
  if (items.quizzes.length === 0) return Prisma.sql`SELECT CAST(NULL AS TEXT) AS "quizId", CAST(0 AS DOUBLE PRECISION) AS "maxScore" WHERE 1 = 0`;
  return Prisma.join(
    items.quizzes.map((q) => Prisma.sql`SELECT CAST(${q.id} AS TEXT) AS "quizId", CAST(${q.maxScore} AS DOUBLE PRECISION) AS "maxScore"`),
    " UNION ALL ",
  );
}

/**
 * `WITH … totals AS (…)`: one row per user with any activity on a course
 * item: lessons, quizzes (taken), "quizPoints" (sum of best points), passed
 * (exercises), started (items with any activity), fractions (sum of the item
 * fractions, so overall % = 100 · fractions / item count). Users without
 * activity have no row (LEFT JOIN and COALESCE to 0).
 */
export function classTotalsCte(items: CourseItems): Prisma.Sql {
  return Prisma.sql`WITH
quiz_max AS (${quizMaxima(items)}),
totals AS (
  SELECT c."userId",
    SUM(CASE WHEN c."kind" = 'lesson' THEN 1 ELSE 0 END) AS lessons,
    SUM(CASE WHEN c."kind" = 'quiz' THEN 1 ELSE 0 END) AS quizzes,
    SUM(CASE WHEN c."kind" = 'quiz' THEN COALESCE(c."best", 0) ELSE 0 END) AS "quizPoints",
    SUM(CASE WHEN c."kind" = 'exercise' THEN c."passed" ELSE 0 END) AS passed,
    COUNT(*) AS started,
    SUM(CASE
      WHEN c."kind" = 'lesson' THEN 1
      WHEN c."kind" = 'exercise' THEN COALESCE(c."best", 0)
      WHEN m."maxScore" <= 0 THEN 0
      WHEN COALESCE(c."best", 0) >= m."maxScore" THEN 1
      ELSE COALESCE(c."best", 0) / m."maxScore" END) AS fractions
  FROM "ItemTally" c LEFT JOIN quiz_max m ON c."kind" = 'quiz' AND m."quizId" = c."itemId"
  WHERE ${currentItems(items)}
  GROUP BY c."userId"
)`;
}
