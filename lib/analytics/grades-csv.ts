/**
 * Grade export for an LMS gradebook import: one row per student, one column
 * per course item, then totals. RFC 4180 quoting (fields with a comma, quote
 * or line break are quoted, quotes doubled, CRLF line ends). Text cells that a
 * spreadsheet would run as a formula get a leading apostrophe, so a student
 * cannot plant a formula in their name: = + - @, their full-width and small
 * forms (＝ ＋ － ＠ ﹦ ﹢ ﹣, which some spreadsheets fold to ASCII), and any
 * leading whitespace or control character (a spreadsheet may trim it and then
 * see the formula).
 *
 * Columns: Name, Email, then per item in course order
 * - "Lesson: <id> (read)"  → 1 or 0
 * - "Quiz: <id> (best, out of M)" → best points, empty when never taken
 * - "Exercise: <id> (best %)" → best submit score × 100, empty when never submitted
 * then the totals of class-progress.ts.
 */
import type { StudentProgressRow } from "./class-progress";
import type { CourseItems } from "./course-items";

export type CsvCell = string | number | null;

export function neutralizeFormula(text: string): string {
  return /^[\s\p{Cc}\p{Cf}=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63]/u.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? formatNumber(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(Math.round(value * 100) / 100);
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function gradesHeader(items: CourseItems): string[] {
  const itemColumns = items.ordered.map((item) => {
    switch (item.kind) {
      case "lesson":
        return `Lesson: ${item.id} (read)`;
      case "quiz":
        return `Quiz: ${item.id} (best, out of ${item.maxScore})`;
      case "exercise":
        return `Exercise: ${item.id} (best %)`;
    }
  });
  return [
    "Name",
    "Email",
    ...itemColumns,
    "Lessons read",
    "Quiz points",
    `Quiz points possible`,
    "Exercises passed",
    "Exercise points",
    "Overall %",
  ];
}

export function gradesRow(row: StudentProgressRow, items: CourseItems): CsvCell[] {
  const cells = items.ordered.map((item): CsvCell => {
    switch (item.kind) {
      case "lesson":
        return row.lessons[item.id] ? 1 : 0;
      case "quiz":
        return row.quizzes[item.id]?.best ?? null;
      case "exercise": {
        const best = row.exercises[item.id]?.best;
        return best === undefined || best === null ? null : best * 100;
      }
    }
  });
  const quizMax = items.quizzes.reduce((s, q) => s + q.maxScore, 0);
  const t = row.totals;
  return [row.name, row.email, ...cells, t.lessonsRead, t.quizPoints, quizMax, t.exercisesPassed, t.exercisePoints, t.overallPercent];
}

/** The whole CSV as one string: for tests and small exports (the route streams: grades-stream.ts). */
export function gradesCsv(rows: StudentProgressRow[], items: CourseItems): string {
  return toCsv([gradesHeader(items), ...rows.map((r) => gradesRow(r, items))]);
}
