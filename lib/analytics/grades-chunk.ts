/**
 * One chunk of the grade CSV: the next `take` students after a keyset
 * position (name, email — email is unique, so the key is too), each with all
 * its cells, in ONE statement. The students are a range of the (role, name,
 * email) index, joined to their running tallies (tallies/item-tally.ts) by
 * primary key, and each student's tally rows are folded into one text value
 * with string_agg (SQLite ≥ 3.44 — better-sqlite3 ships 3.53 — and
 * PostgreSQL). No id list is bound, so a chunk can hold any number of
 * students.
 *
 * Why this shape (measured in one process on the 5,000-student load
 * database, same output byte for byte): the previous export read 300
 * students with findMany, then their cells as one row per student × item
 * (~25 rows per student) through $queryRaw, whose per-row cost in the driver
 * adapter and Prisma dominated: 954–1,451 rows/s against 2,156–3,013 rows/s
 * for this at load average 30. A pivot with one MAX(CASE …) column per item
 * figure was slower still (57 aggregates evaluated per tally row: 1,033–1,151
 * rows/s). Memory: one chunk (≈ 150 kB of CSV) at a time.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { computeTotals, type StudentIdentity, type StudentProgressRow } from "./class-progress";
import type { CourseItems } from "./course-items";

export const CSV_CHUNK = 1000;

interface Row {
  id: string;
  name: string;
  email: string;
  /** "kind itemId attempts passed best" per tally row, joined by "," (null: no activity) */
  cells: string | null;
}

/**
 * A student's tally rows folded into one text value. Numbers become text
 * exactly: the SQLite better-sqlite3 ships (3.53: up to 17 digits) and
 * PostgreSQL (≥ 12: shortest exact) both print a double with digits that
 * read back as the same double (a test compares the CSV with brute force).
 */
const CELLS = Prisma.sql`string_agg(
  t."kind" || ' ' || t."itemId" || ' ' || CAST(t."attempts" AS TEXT) || ' ' || CAST(t."passed" AS TEXT) || ' ' || COALESCE(CAST(t."best" AS TEXT), ''),
  ',')`;

function keyset(after: StudentIdentity | null): Prisma.Sql {
  // name ≥ n AND (name > n OR email > e): the rows of (name, email) > (n, e), written so the database reads a range of the index.
  return after ? Prisma.sql`AND "name" >= ${after.name} AND ("name" > ${after.name} OR "email" > ${after.email})` : Prisma.empty;
}

export async function readGradesChunk(
  items: CourseItems,
  after: StudentIdentity | null,
  take = CSV_CHUNK,
): Promise<{ rows: StudentProgressRow[]; last: StudentIdentity | null }> {
  // The cells as a correlated subquery (one primary-key range per student) rather than a join + GROUP BY:
  // PostgreSQL planned the join as a hash join over the whole ItemTally table for every chunk
  // (1.25 M rows at 50,000 students: 5,378 CSV rows/s); this stays one index range per student on both.
  const raw = await db.$queryRaw<Row[]>`
    SELECT u."id", u."name", u."email", (SELECT ${CELLS} FROM "ItemTally" t WHERE t."userId" = u."id") AS "cells"
    FROM (
      SELECT "id", "name", "email" FROM "user" WHERE "role" = 'student' ${keyset(after)}
      ORDER BY "name", "email" LIMIT ${take}
    ) u
    ORDER BY u."name", u."email"`;
  const rows = raw.map((r) => toProgressRow(r, items));
  const last = raw.at(-1);
  return { rows, last: last ? { id: last.id, name: last.name, email: last.email } : null };
}

/** The matrix row of one student from its folded cells (a cell of an item no longer in the course is never read: the CSV and the totals go by the course's items). */
function toProgressRow(r: Row, items: CourseItems): StudentProgressRow {
  const row: Omit<StudentProgressRow, "totals"> = { userId: r.id, name: r.name, email: r.email, lessons: {}, quizzes: {}, exercises: {} };
  for (const cell of r.cells ? r.cells.split(",") : []) {
    const [kind, itemId, attemptsText, passedText, bestText] = cell.split(" ");
    const attempts = Number(attemptsText);
    const best = bestText === "" || bestText === undefined ? null : Number(bestText);
    if (attempts <= 0) continue;
    if (kind === "lesson") row.lessons[itemId] = true;
    else if (kind === "quiz") row.quizzes[itemId] = { best, attempts };
    else if (kind === "exercise") row.exercises[itemId] = { status: Number(passedText) > 0 ? "passed" : "attempted", best, attempts };
  }
  return { ...row, totals: computeTotals(row, items) };
}
