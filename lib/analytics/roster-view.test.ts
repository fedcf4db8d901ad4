import { describe, expect, it } from "vitest";
import type { StudentProgressRow } from "./class-progress";
import { parseRosterQuery, viewRoster } from "./roster-view";

function row(userId: string, name: string, overall: number, started: number): StudentProgressRow {
  return {
    userId,
    name,
    email: `${userId}@example.com`,
    lessons: {},
    quizzes: {},
    exercises: {},
    totals: { lessonsRead: 0, quizzesTaken: 0, quizPoints: 0, exercisesPassed: 0, exercisePoints: 0, overallPercent: overall, itemsStarted: started },
  };
}
const rows = [row("u1", "Cleo", 50, 4), row("u2", "ada", 100, 16), row("u3", "Bea", 0, 0), row("u4", "Dan", 50, 3)];

describe("roster view", () => {
  it("falls back to safe defaults for bad parameters", () => {
    expect(parseRosterQuery({ sort: "drop table", dir: "sideways", page: "-3", filter: ["completed", "all"] })).toEqual({
      q: "",
      sort: "name",
      dir: "asc",
      filter: "completed",
      page: 1,
    });
  });

  it("sorts by name case-insensitively and by a total with name as tie-break", () => {
    expect(viewRoster(rows, parseRosterQuery({}), 16).rows.map((r) => r.name)).toEqual(["ada", "Bea", "Cleo", "Dan"]);
    expect(viewRoster(rows, parseRosterQuery({ sort: "overall", dir: "desc" }), 16).rows.map((r) => r.userId)).toEqual(["u2", "u1", "u4", "u3"]);
  });

  it("filters by text and completion state", () => {
    expect(viewRoster(rows, parseRosterQuery({ q: "u4@" }), 16).rows.map((r) => r.userId)).toEqual(["u4"]);
    expect(viewRoster(rows, parseRosterQuery({ filter: "not-started" }), 16).rows.map((r) => r.userId)).toEqual(["u3"]);
    expect(viewRoster(rows, parseRosterQuery({ filter: "in-progress" }), 16).rows.map((r) => r.userId)).toEqual(["u1", "u4"]);
    expect(viewRoster(rows, parseRosterQuery({ filter: "completed" }), 16).rows.map((r) => r.userId)).toEqual(["u2"]);
  });

  it("pages and clamps the page number", () => {
    const page = viewRoster(rows, parseRosterQuery({ page: "9" }), 16, 3);
    expect(page).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page.rows.map((r) => r.name)).toEqual(["Dan"]);
  });
});
