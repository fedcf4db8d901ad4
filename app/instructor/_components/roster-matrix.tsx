/**
 * The completion matrix (students × lessons, quizzes, exercises). Sorting,
 * filtering and paging are plain links and a GET form, so they work without
 * JavaScript and every view has a URL.
 */
import Link from "next/link";
import type { StudentProgressRow } from "@/lib/analytics/class-progress";
import type { CourseItem, CourseItems } from "@/lib/analytics/course-items";
import { formatPoints } from "@/lib/analytics/format";
import { ROSTER_FILTERS, type RosterPage, type RosterQuery } from "@/lib/analytics/roster-view";
import styles from "../instructor.module.css";
import { formatPercent } from "@/lib/format/percent";

function href(query: RosterQuery, change: Partial<RosterQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.filter !== "all") params.set("filter", next.filter);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return `/instructor${text ? `?${text}` : ""}#roster`;
}

function SortHeader({ label, sort, query }: { label: string; sort: RosterQuery["sort"]; query: RosterQuery }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href(query, { sort, dir: active ? dir : sort === "name" ? "asc" : "desc", page: 1 })}>
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

function shortLabel(item: CourseItem, items: CourseItems): string {
  if (item.kind === "exercise") return item.id;
  const index = (item.kind === "lesson" ? items.lessons : items.quizzes).findIndex((i) => i.id === item.id) + 1;
  return `${item.kind === "lesson" ? "Lesson" : "Quiz"} ${index}`;
}

function Cell({ row, item }: { row: StudentProgressRow; item: CourseItem }) {
  if (item.kind === "lesson") {
    return row.lessons[item.id] ? <td className={styles.done}>read</td> : <td className={styles.empty}>—</td>;
  }
  if (item.kind === "quiz") {
    const cell = row.quizzes[item.id];
    if (!cell) return <td className={styles.empty}>—</td>;
    return (
      <td className={cell.best !== null && cell.best >= item.maxScore ? styles.done : styles.partial} title={`${cell.attempts} attempt(s)`}>
        {formatPoints(cell.best ?? 0)}/{item.maxScore}
      </td>
    );
  }
  const cell = row.exercises[item.id];
  if (!cell) return <td className={styles.empty}>—</td>;
  return (
    <td className={cell.status === "passed" ? styles.done : styles.partial} title={`${cell.attempts} submit(s), best ${formatPercent(cell.best ?? 0)}`}>
      {cell.status === "passed" ? "passed" : formatPercent(cell.best ?? 0)}
    </td>
  );
}

export function RosterMatrix({ page, query, items }: { page: RosterPage; query: RosterQuery; items: CourseItems }) {
  return (
    <section id="roster" aria-labelledby="roster-heading" className="stack">
      <h2 id="roster-heading">Class roster and completion</h2>
      <form method="get" action="/instructor#roster" className={styles.filters}>
        <div className="field">
          <label htmlFor="roster-q">Name or email</label>
          <input id="roster-q" name="q" defaultValue={query.q} type="search" />
        </div>
        <div className="field">
          <label htmlFor="roster-filter">Show</label>
          <select id="roster-filter" name="filter" defaultValue={query.filter}>
            {ROSTER_FILTERS.map((f) => (
              <option key={f} value={f}>
                {f.replace("-", " ")}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit">Apply</button>
      </form>
      <p className="muted" data-testid="roster-count">
        {page.total} student{page.total === 1 ? "" : "s"} · page {page.page} of {page.pageCount}
      </p>
      <div className={styles.scroll}>
        <table className={`data ${styles.matrix}`} data-testid="roster-matrix">
          <caption className="visually-hidden">Completion matrix: one row per student, one column per lesson, quiz and exercise, then totals</caption>
          <thead>
            <tr>
              <SortHeader label="Student" sort="name" query={query} />
              {items.ordered.map((item) => (
                <th key={`${item.kind}-${item.id}`} scope="col" title={item.title}>
                  {shortLabel(item, items)}
                </th>
              ))}
              <SortHeader label="Lessons" sort="lessons" query={query} />
              <SortHeader label="Quiz pts" sort="quizzes" query={query} />
              <SortHeader label="Passed" sort="exercises" query={query} />
              <SortHeader label="Overall" sort="overall" query={query} />
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.userId} data-testid={`roster-row-${row.email}`}>
                <th scope="row">
                  <Link href={`/instructor/students/${row.userId}`}>{row.name}</Link>
                  <div className={styles.email}>{row.email}</div>
                </th>
                {items.ordered.map((item) => (
                  <Cell key={`${item.kind}-${item.id}`} row={row} item={item} />
                ))}
                <td>{row.totals.lessonsRead}</td>
                <td>{formatPoints(row.totals.quizPoints)}</td>
                <td>{row.totals.exercisesPassed}</td>
                <td>{formatPercent(row.totals.overallPercent / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pageCount > 1 && (
        <nav aria-label="Roster pages" className={styles.pager}>
          {page.page > 1 && <Link href={href(query, { page: page.page - 1 })}>← Previous</Link>}
          {page.page < page.pageCount && <Link href={href(query, { page: page.page + 1 })}>Next →</Link>}
        </nav>
      )}
    </section>
  );
}
