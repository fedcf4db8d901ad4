import { describe, expect, it } from "vitest";
import type { StudentProgressRow } from "./class-progress";
import type { CourseItems } from "./course-items";
import { csvField, gradesCsv, toCsv } from "./grades-csv";

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks, and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Doe, Jane")).toBe('"Doe, Jane"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(83.3333)).toBe("83.33");
  });

  it("defuses spreadsheet formulas in text cells only", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2+3")).toBe("'-2+3");
    // Issue 21: a leading space, newline, tab or a full-width/small form of a formula sign.
    expect(csvField(" =1+1")).toBe("' =1+1");
    expect(csvField("\n=1+1")).toBe("\"'\n=1+1\"");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("＝HYPERLINK(1)")).toBe("'＝HYPERLINK(1)");
    expect(csvField("＋1")).toBe("'＋1");
    expect(csvField("－1")).toBe("'－1");
    expect(csvField("＠SUM(A1)")).toBe("'＠SUM(A1)");
    expect(csvField("﹦1")).toBe("'﹦1");
    expect(csvField("\u3000=1")).toBe("'\u3000=1");
    expect(csvField("\u00A0=1")).toBe("'\u00A0=1");
    expect(csvField("Ada")).toBe("Ada");
    expect(csvField(-2)).toBe("-2");
  });

  it("joins rows with CRLF", () => {
    expect(toCsv([["a", 1], ["b", null]])).toBe("a,1\r\nb,\r\n");
  });
});

describe("grades CSV", () => {
  const items: CourseItems = {
    lessons: [{ kind: "lesson", id: "l1", moduleId: "m", title: "L" }],
    quizzes: [{ kind: "quiz", id: "q1", moduleId: "m", title: "Q", maxScore: 4 }],
    exercises: [{ kind: "exercise", id: "e1", moduleId: "m", title: "E" }],
    ordered: [],
  };
  items.ordered = [items.lessons[0], items.quizzes[0], items.exercises[0]];
  const row: StudentProgressRow = {
    userId: "u",
    name: "Doe, Jane",
    email: "jane@example.com",
    lessons: { l1: true },
    quizzes: { q1: { best: 3, attempts: 2 } },
    exercises: {},
    totals: { lessonsRead: 1, quizzesTaken: 1, quizPoints: 3, exercisesPassed: 0, exercisePoints: 0, overallPercent: 58.33, itemsStarted: 2 },
  };

  it("has one column per item plus totals, and one row per student", () => {
    const lines = gradesCsv([row], items).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Name,Email,Lesson: l1 (read),\"Quiz: q1 (best, out of 4)\",Exercise: e1 (best %),Lessons read,Quiz points,Quiz points possible,Exercises passed,Exercise points,Overall %",
      '"Doe, Jane",jane@example.com,1,3,,1,3,4,0,0,58.33',
    ]);
  });
});
