/**
 * Every student's totals (the figures of computeTotals in class-progress.ts)
 * as a table the roster can filter, sort and page in the database. Only the
 * ids of one page leave the database; the page's cells are then read by
 * getProgressRows.
 *
 * Read from "StudentTally", one row per student kept by the write paths
 * (tallies/item-tally.ts explains why and what was measured): grouping the
 * class's events, or even its per-item tallies (≈ 550k rows at 50,000
 * students, 1.3–1.6 s), per sorted page was the slow part. Pages sorted by
 * name, the default, never run this statement.
 */
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * `WITH totals AS (…)`: one row per student with any activity: lessons,
 * quizzes (taken), "quizPoints" (sum of best points), passed (exercises),
 * started (items with any activity), fractions (sum of the item fractions,
 * so overall % = 100 · fractions / item count). Students without activity
 * have no row (LEFT JOIN and COALESCE to 0).
 */
export function classTotalsCte(): Prisma.Sql {
  return Prisma.sql`WITH totals AS (
  SELECT "userId", "lessons" AS lessons, "quizzes" AS quizzes, "quizPoints", "passed" AS passed, "started" AS started,
    "lessons" + "exercisePoints" + "quizFractions" AS fractions
  FROM "StudentTally"
)`;
}
