/**
 * One page of the completion matrix, filtered, sorted and cut in the
 * database whatever the class size (roster-view.ts parses the URL and keeps
 * the in-memory reference semantics the tests compare against).
 *
 * - Sorted by name with no completion filter (the default view): the page is
 *   read from "user" alone (ORDER BY … LIMIT/OFFSET), no activity is
 *   aggregated except the page's own cells.
 * - Sorted by a total or filtered by completion: classTotalsCte reads
 *   every student's totals row (kept by the write paths) and the database orders
 *   and pages them; COUNT(*) OVER () gives the filtered total in the same
 *   statement.
 * Ties go by name (case-insensitive), then name, then email, like the
 * in-memory view. LOWER() folds ASCII only on SQLite (and follows the
 * database's locale on PostgreSQL): the order of names with other letters
 * may differ between the two, never between two pages of one database.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getProgressRows, type StudentIdentity } from "./class-progress";
import { classTotalsCte } from "./class-totals-sql";
import type { CourseItems } from "./course-items";
import { ROSTER_PAGE_SIZE, type RosterPage, type RosterQuery } from "./roster-view";
import { toNumber } from "./sql";

/**
 * Sort keys exactly as the page shows them: computeTotals rounds overall %
 * and quiz points to 4 decimals, so the database orders by the same rounded
 * figure (FLOOR(x + 0.5) is Math.round) and equal-looking totals tie on the
 * name instead of on float noise from the summation order. FLOOR is built
 * into PostgreSQL; SQLite has it when compiled with its math functions, as
 * better-sqlite3 is.
 */
function overallKey(itemCount: number): Prisma.Sql {
  return itemCount > 0 ? Prisma.sql`FLOOR(100.0 * COALESCE(t.fractions, 0) / ${itemCount} * 10000 + 0.5)` : Prisma.sql`0`;
}

function sortKey(sort: RosterQuery["sort"], itemCount: number): Prisma.Sql {
  switch (sort) {
    case "name":
      return Prisma.sql`LOWER(u."name")`;
    case "overall":
      return overallKey(itemCount);
    case "lessons":
      return Prisma.sql`COALESCE(t.lessons, 0)`;
    case "quizzes":
      return Prisma.sql`FLOOR(COALESCE(t."quizPoints", 0) * 10000 + 0.5)`;
    case "exercises":
      return Prisma.sql`COALESCE(t.passed, 0)`;
    case "started":
      return Prisma.sql`COALESCE(t.started, 0)`;
  }
}

/** Case-insensitive "name or email contains", with LIKE's wildcards taken literally. */
function textFilter(q: string): Prisma.Sql {
  if (!q) return Prisma.empty;
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`AND (LOWER(u."name") LIKE ${pattern} ESCAPE '\\' OR LOWER(u."email") LIKE ${pattern} ESCAPE '\\')`;
}

/** The completion states of roster-view.ts: overall % (rounded like the page) below or at 100. */
function completionFilter(filter: RosterQuery["filter"], itemCount: number): Prisma.Sql {
  switch (filter) {
    case "all":
      return Prisma.empty;
    case "not-started":
      return Prisma.sql`AND COALESCE(t.started, 0) = 0`;
    case "in-progress":
      return Prisma.sql`AND COALESCE(t.started, 0) > 0 AND ${overallKey(itemCount)} < 1000000`;
    case "completed":
      return itemCount > 0 ? Prisma.sql`AND ${overallKey(itemCount)} >= 1000000` : Prisma.sql`AND 1 = 0`;
  }
}

const TIE_BREAK = Prisma.sql`LOWER(u."name"), u."name", u."email"`;

type PageRow = StudentIdentity & { total?: unknown };

async function byName(query: RosterQuery, pageSize: number, page: number): Promise<{ rows: PageRow[]; total: number }> {
  const where = Prisma.sql`u."role" = 'student' ${textFilter(query.q)}`;
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [count] = await db.$queryRaw<{ n: unknown }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM "user" u WHERE ${where}`);
  const total = toNumber(count?.n);
  const clamped = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = await db.$queryRaw<PageRow[]>(Prisma.sql`
    SELECT u."id", u."name", u."email" FROM "user" u WHERE ${where}
    ORDER BY LOWER(u."name") ${dir}, u."name", u."email"
    LIMIT ${pageSize} OFFSET ${(clamped - 1) * pageSize}`);
  return { rows, total };
}

async function byTotals(items: CourseItems, query: RosterQuery, pageSize: number, page: number): Promise<{ rows: PageRow[]; total: number }> {
  const key = sortKey(query.sort, items.ordered.length);
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const statement = (offset: number) => Prisma.sql`${classTotalsCte()}
    SELECT u."id", u."name", u."email", COUNT(*) OVER () AS total
    FROM "user" u LEFT JOIN totals t ON t."userId" = u."id"
    WHERE u."role" = 'student' ${textFilter(query.q)} ${completionFilter(query.filter, items.ordered.length)}
    ORDER BY ${key} ${dir}, ${TIE_BREAK}
    LIMIT ${pageSize} OFFSET ${offset}`;
  const rows = await db.$queryRaw<PageRow[]>(statement((page - 1) * pageSize));
  if (rows.length > 0 || page === 1) return { rows, total: toNumber(rows[0]?.total) };
  // Past the last page (an old link): count, then show the last page, like the in-memory view.
  const [first] = await db.$queryRaw<PageRow[]>(statement(0));
  const total = toNumber(first?.total);
  const last = Math.max(1, Math.ceil(total / pageSize));
  return { rows: total ? await db.$queryRaw<PageRow[]>(statement((last - 1) * pageSize)) : [], total };
}

export async function getRosterPage(items: CourseItems, query: RosterQuery, pageSize = ROSTER_PAGE_SIZE): Promise<RosterPage> {
  const simple = query.sort === "name" && query.filter === "all";
  const { rows, total } = simple ? await byName(query, pageSize, query.page) : await byTotals(items, query, pageSize, query.page);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const students = rows.map((r) => ({ id: r.id, name: r.name, email: r.email }));
  return { rows: await getProgressRows(items, students), total, page: Math.min(query.page, pageCount), pageCount };
}
