/**
 * Sorting, filtering and paging of the completion matrix, driven by URL
 * search parameters so the roster works without JavaScript and can be linked.
 * roster-page.ts does the work in the database; viewRoster below is the same
 * view over rows held in memory: the reference the database test compares
 * the SQL against on a small class.
 */
import { z } from "zod";
import type { StudentProgressRow } from "./class-progress";

export const ROSTER_SORTS = ["name", "overall", "lessons", "quizzes", "exercises", "started"] as const;
export const ROSTER_FILTERS = ["all", "not-started", "in-progress", "completed"] as const;
export const ROSTER_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const rosterQuerySchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100).catch("")).default(""),
  sort: z.preprocess(first, z.enum(ROSTER_SORTS).catch("name")).default("name"),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).catch("asc")).default("asc"),
  filter: z.preprocess(first, z.enum(ROSTER_FILTERS).catch("all")).default("all"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export function parseRosterQuery(params: Record<string, string | string[] | undefined>): RosterQuery {
  return rosterQuerySchema.parse(params);
}

function sortValue(row: StudentProgressRow, sort: RosterQuery["sort"]): number | string {
  switch (sort) {
    case "name":
      return row.name.toLocaleLowerCase();
    case "overall":
      return row.totals.overallPercent;
    case "lessons":
      return row.totals.lessonsRead;
    case "quizzes":
      return row.totals.quizPoints;
    case "exercises":
      return row.totals.exercisesPassed;
    case "started":
      return row.totals.itemsStarted;
  }
}

function matchesFilter(row: StudentProgressRow, filter: RosterQuery["filter"], itemCount: number): boolean {
  switch (filter) {
    case "all":
      return true;
    case "not-started":
      return row.totals.itemsStarted === 0;
    case "in-progress":
      return row.totals.itemsStarted > 0 && row.totals.overallPercent < 100;
    case "completed":
      return itemCount > 0 && row.totals.overallPercent >= 100;
  }
}

export interface RosterPage {
  rows: StudentProgressRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Reference semantics: filter by name/email text and completion state, sort (ties by name, then email), then cut one page. */
export function viewRoster(all: StudentProgressRow[], query: RosterQuery, itemCount: number, pageSize = ROSTER_PAGE_SIZE): RosterPage {
  const needle = query.q.toLocaleLowerCase();
  const filtered = all.filter(
    (r) => (!needle || r.name.toLocaleLowerCase().includes(needle) || r.email.toLocaleLowerCase().includes(needle)) && matchesFilter(r, query.filter, itemCount),
  );
  const sign = query.dir === "asc" ? 1 : -1;
  filtered.sort((a, b) => {
    const va = sortValue(a, query.sort);
    const vb = sortValue(b, query.sort);
    const primary = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
    if (primary !== 0) return sign * primary;
    return a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
  });
  const pageCount = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(query.page, pageCount);
  return { rows: filtered.slice((page - 1) * pageSize, page * pageSize), total: filtered.length, page, pageCount };
}
