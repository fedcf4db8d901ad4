/**
 * Small helpers for the dashboards' hand-written SQL. Every statement goes
 * through Prisma's tagged templates (values become bound parameters) and is
 * written in standard SQL that SQLite (≥ 3.25, window functions) and
 * PostgreSQL both run: identifiers quoted exactly as Prisma maps them
 * ("user" is @@map-ped; every other table keeps its model name), CASE instead
 * of the two-argument MIN/MAX (SQLite) or LEAST/GREATEST (PostgreSQL), and
 * `CASE WHEN x THEN 1 ELSE 0 END` for booleans (SQLite stores 0/1, PostgreSQL
 * has a boolean type). Parameter lists are bounded by the course content or a
 * page, never by the class.
 */
import { Prisma } from "@/lib/generated/prisma/client";

/** COUNT/SUM come back as bigint from some drivers and as number from others. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "bigint" ? Number(value) : Number(value);
}

export function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

/**
 * "This row belongs to a student", for a column holding a user id. Staff are
 * few, so excluding them (a tiny set the database builds once) is far cheaper
 * than joining every row of the class to "user" to read its role. A user id
 * always references an existing user (foreign key), so "not staff" means
 * "student". `role < 'student' OR role > 'student'` rather than `<>` lets
 * SQLite use the role index.
 */
export function isStudent(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${column} NOT IN (SELECT "id" FROM "user" WHERE "role" < 'student' OR "role" > 'student')`;
}

/** `(v1, v2, …)` of bound values for IN; callers pass content ids or one page of ids. */
export function valueList(values: readonly (string | number)[]): Prisma.Sql {
  // IN () is a syntax error: an impossible value keeps the statement valid when the list is empty.
  return values.length ? Prisma.sql`(${Prisma.join(values)})` : Prisma.sql`(NULL)`;
}

/** "This ItemTally row is one of the course's current items" (a removed lesson, quiz or exercise no longer counts). */
export function currentItems(items: { lessons: { id: string }[]; quizzes: { id: string }[]; exercises: { id: string }[] }): Prisma.Sql {
  return Prisma.sql`(("kind" = 'lesson' AND "itemId" IN ${valueList(items.lessons.map((l) => l.id))})
    OR ("kind" = 'quiz' AND "itemId" IN ${valueList(items.quizzes.map((q) => q.id))})
    OR ("kind" = 'exercise' AND "itemId" IN ${valueList(items.exercises.map((e) => e.id))}))`;
}
