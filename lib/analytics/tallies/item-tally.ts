/**
 * Running tallies per student × course item ("ItemTally") and per student
 * ("StudentTally", the sums of the student's cells), rewritten inside
 * the transaction that stores what the student did: a submission (created
 * or graded, so a regrade too), a submitted quiz attempt, a lesson read.
 *
 * Why tallies: every dashboard figure (class summary, the roster sorted or
 * filtered by totals, the CSV, a page's cells) is a function of the best
 * score / attempts / passed of each student × item. Computed from the event
 * rows, each read groups every submission, attempt and lesson of the class
 * (750k submissions at 50,000 students). The tally has one narrow row per
 * student × item with activity (≤ 16 per student) behind a covering index.
 * Measured (2 shared cores; old grouped statements and tallies interleaved
 * in one process on the same load database, median): class summary 100 →
 * 74 ms at 5,000 students and 1,448 → 732 ms at 50,000; one CSV chunk's
 * cells are a primary-key read (13 ms for 300 students at 5,000) and the
 * whole 50,000-row export went from 1,668 to 14,786 rows/s
 * (scripts/measure-dashboard.ts, README "Dashboard figures"). With the
 * cells alone, the roster sorted by a total barely moved (1,846 → 1,620 ms at 50,000): grouping
 * 550k tally rows by student still needs a temporary B-tree (1.26 s alone);
 * hence "StudentTally", one totals row per student rewritten with its cells,
 * which the roster sorts and filters instead: a page sorted by overall at
 * 50,000 students 107–261 ms (getRosterPage alone), /instructor sorted
 * 4.6 s before, 0.6 s after (README "Dashboard figures"). Its
 * price: a quiz's fraction uses the maximum its attempts were graded out of
 * (not the file's current one), and an item removed from the course still
 * counts in the totals until the tallies are rebuilt (backfill.ts).
 *
 * Exact, not incremental: a cell is recomputed from the student's own rows
 * for that item (an indexed read of a handful of rows), so a regrade that
 * lowers a best score, an error, or a re-submission all leave it exact, and
 * nothing can drift; the student's totals are then re-summed from their
 * cells. Concurrency: the first statement upserts the student's totals row,
 * which takes its row lock on PostgreSQL (SQLite serializes writers anyway);
 * a concurrent writer for the same student waits for our commit and its
 * recomputes, new statements in READ COMMITTED, then see our rows.
 * Portable SQL: INSERT … ON CONFLICT … DO UPDATE (SQLite ≥ 3.24, PostgreSQL).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { STUDENT_TOTALS, STUDENT_TOTALS_COLUMNS } from "./backfill";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;
export type TallyKind = "lesson" | "quiz" | "exercise";

/**
 * Creates the student's totals row if missing and locks it for the rest of
 * the transaction: every tally write of one student goes through this lock
 * first (always in this order, student then cell, so no deadlock), so two
 * concurrent writes of different items of one student cannot both compute
 * totals that miss the other's cell.
 */
async function lockStudent(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "StudentTally" ("userId", "lessons", "quizzes", "quizPoints", "passed", "started", "exercisePoints", "quizFractions")
    VALUES (${userId}, 0, 0, 0, 0, 0, 0, 0)
    ON CONFLICT ("userId") DO UPDATE SET "lessons" = "StudentTally"."lessons"`;
}

/** Creates the cell if missing and locks it for the rest of the transaction. */
async function lockCell(tx: Tx, userId: string, kind: TallyKind, itemId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed") VALUES (${userId}, ${kind}, ${itemId}, NULL, 0, 0)
    ON CONFLICT ("userId", "kind", "itemId") DO UPDATE SET "attempts" = "ItemTally"."attempts"`;
}

/** Recomputes one cell from the rows it summarizes. */
function recompute(userId: string, kind: TallyKind, itemId: string): Prisma.Sql {
  switch (kind) {
    case "lesson":
      return Prisma.sql`SELECT CAST(NULL AS DOUBLE PRECISION) AS best, COUNT(*) AS attempts, 0 AS passed, CAST(NULL AS DOUBLE PRECISION) AS "maxScore"
        FROM "LessonProgress" WHERE "userId" = ${userId} AND "lessonId" = ${itemId}`;
    case "quiz":
      return Prisma.sql`SELECT MAX("score") AS best, COUNT(*) AS attempts, 0 AS passed, MAX("maxScore") AS "maxScore" FROM "QuizAttempt"
        WHERE "userId" = ${userId} AND "quizId" = ${itemId} AND "status" = 'submitted'`;
    case "exercise":
      return Prisma.sql`SELECT MAX("score") AS best, COUNT(*) AS attempts, COALESCE(MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END), 0) AS passed,
        CAST(NULL AS DOUBLE PRECISION) AS "maxScore" FROM "Submission" WHERE "userId" = ${userId} AND "exerciseId" = ${itemId} AND "mode" = 'submit'`;
  }
}

/** Brings one student × item tally and the student's totals up to date; call inside the transaction that changed its rows. */
export async function refreshItemTally(tx: Tx, userId: string, kind: TallyKind, itemId: string): Promise<void> {
  await lockStudent(tx, userId);
  await lockCell(tx, userId, kind, itemId);
  await tx.$executeRaw`
    UPDATE "ItemTally" SET ("best", "attempts", "passed", "maxScore") = (${recompute(userId, kind, itemId)})
    WHERE "userId" = ${userId} AND "kind" = ${kind} AND "itemId" = ${itemId}`;
  // Like the backfill, only items with activity have a cell, so readers need no extra filter.
  await tx.$executeRaw`DELETE FROM "ItemTally" WHERE "userId" = ${userId} AND "kind" = ${kind} AND "itemId" = ${itemId} AND "attempts" = 0`;
  const totals = Prisma.raw(`(${STUDENT_TOTALS_COLUMNS}) = (SELECT ${STUDENT_TOTALS} FROM "ItemTally" WHERE "userId" = `);
  await tx.$executeRaw`UPDATE "StudentTally" SET ${totals}${userId}) WHERE "userId" = ${userId}`;
}
