/**
 * The analytics database suite, run on a generated class of a given size:
 * every analytics function reads a throw-away SQLite database (migrated
 * with the real migrations) and must return exactly what brute-force.ts
 * computes from the same rows in memory. The same suite runs on a small
 * class and on one larger than the 999 bound values Prisma allows SQLite,
 * which the old IN-list queries exceeded (P2029). Test-only.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quiz } from "@/lib/quiz/schema";
import type { CourseItems } from "../course-items";
import { exerciseOracle, progressOracle, quizOracle } from "./brute-force";
import { type ClassFixture, generateClass } from "./class-fixture";
import { rebuildItemTallies } from "./rebuild-tallies";
import { tempDatabaseDir } from "./temp-database";

export function defineAnalyticsSuite(studentCount: number): void {
  const dir = tempDatabaseDir;
  let db: typeof import("@/lib/db").db;
  let items: CourseItems;
  let quizzes: Quiz[];
  let fixture: ClassFixture;

  async function insert(f: ClassFixture) {
    const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / 2000) }, (_, i) => list.slice(i * 2000, i * 2000 + 2000));
    for (const c of chunks(f.users)) await db.user.createMany({ data: c });
    for (const c of chunks(f.lessons)) await db.lessonProgress.createMany({ data: c });
    for (const c of chunks(f.attempts)) await db.quizAttempt.createMany({ data: c.map((a) => ({ ...a, seed: 1 })) });
    for (const c of chunks(f.answers)) await db.quizAnswer.createMany({ data: c.map((a) => ({ ...a, credit: a.correct ? 1 : 0 })) });
    const submission = { code: "x", language: "typescript", status: "graded" };
    for (const c of chunks(f.submissions)) await db.submission.createMany({ data: c.map((s) => ({ ...s, ...submission, clientRequestId: s.id })) });
    for (const c of chunks(f.results)) await db.submissionTestResult.createMany({ data: c });
    for (const c of chunks(f.misconceptions)) await db.submissionMisconception.createMany({ data: c });
    await rebuildItemTallies(db);
  }

  beforeAll(async () => {
    const { prepareDatabase } = await import("@/scripts/prepare-database");
    prepareDatabase();
    ({ db } = await import("@/lib/db"));
    const { loadCourseItems } = await import("../course-items");
    const { loadQuiz } = await import("@/lib/quiz/load-quiz");
    items = await loadCourseItems();
    quizzes = (await Promise.all(items.quizzes.slice(0, 2).map((q) => loadQuiz(q.id)))).filter((q): q is Quiz => q !== null);
    fixture = generateClass(studentCount, items, quizzes, `class-${studentCount}`);
    await insert(fixture);
  }, 600_000); // inserting the large class took up to 4 minutes on the busy 2-core machine

  afterAll(async () => {
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  describe(`analytics of a class of ${studentCount} students`, () => {
    it("item analysis: first attempts, percent correct, options and discrimination", async () => {
      const { getQuizAnalysis } = await import("../quiz-items");
      for (const quiz of quizzes) {
        const expected = quizOracle(fixture, quiz);
        const actual = await getQuizAnalysis(quiz.id);
        if (!actual) throw new Error(`no analysis for ${quiz.id}`);
        expect(actual.students).toBe(expected.students);
        expect(actual.groupSize).toBe(expected.groupSize);
        expect(actual.meanPercent ?? 0).toBeCloseTo(expected.meanPercent ?? 0, 9);
        for (const q of expected.questions) {
          const got = actual.questions.find((x) => x.questionId === q.questionId);
          const counts = (x: { answered?: number; correct?: number; blank?: number; answeredAll?: number; correctAll?: number }) => ({
            answered: x.answered,
            correct: x.correct,
            blank: x.blank,
            answeredAll: x.answeredAll,
            correctAll: x.correctAll,
          });
          expect({ id: q.questionId, ...counts(got ?? {}) }).toEqual({ id: q.questionId, ...counts(q) });
          if (got?.options)
            for (const o of got.options)
              expect([q.questionId, o.id, o.count, o.countAll]).toEqual([q.questionId, o.id, q.options.get(o.id) ?? 0, q.optionsAll.get(o.id) ?? 0]);
          if (q.discrimination === null) expect(got?.discrimination).toBeNull();
          else expect(got?.discrimination).toBeCloseTo(q.discrimination, 12);
        }
      }
    });

    it("exercise statistics", async () => {
      const { getExerciseStats } = await import("../exercise-stats");
      for (const exercise of items.exercises.slice(0, 2)) {
        const expected = exerciseOracle(fixture, exercise.id);
        const actual = await getExerciseStats(exercise.id);
        expect(actual.studentsAttempted).toBe(expected.studentsAttempted);
        expect(actual.studentsPassed).toBe(expected.studentsPassed);
        expect(actual.submits).toBe(expected.submits);
        expect(actual.attemptsUntilPass).toEqual(expected.attemptsUntilPass);
        for (const t of actual.hiddenTestFailures) expect({ testId: t.testId, ...expected.hidden.get(t.testId) }).toEqual(t);
        expect(actual.misconceptions.map((m) => [m.misconceptionId, m.detections, m.students])).toEqual(
          [...expected.misconceptions.entries()]
            .map(([id, m]) => [id, m.detections, m.students])
            .sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0]))),
        );
        expect(actual.medianGradingMs).toBe(expected.medianGradingMs);
      }
    });

    it("class summary of /instructor", async () => {
      const { getClassSummary } = await import("../class-summary");
      const rows = progressOracle(fixture, items);
      const summary = await getClassSummary(items);
      expect(summary.students).toBe(studentCount);
      for (const e of summary.exercises) {
        const cells = rows.map((r) => r.exercises[e.id]).filter((c) => c !== undefined);
        expect([e.id, e.attempted, e.passed]).toEqual([e.id, cells.length, cells.filter((c) => c.status === "passed").length]);
      }
      for (const q of summary.quizzes) {
        const cells = rows.map((r) => r.quizzes[q.id]).filter((c) => c !== undefined);
        expect(q.students).toBe(cells.length);
        if (cells.length) expect(q.meanBest).toBeCloseTo(cells.reduce((s, c) => s + (c.best ?? 0), 0) / cells.length / q.maxScore, 12);
      }
    });

    it("roster pages: every sort, filter and search matches the in-memory view", async () => {
      const { getRosterPage } = await import("../roster-page");
      const { parseRosterQuery, viewRoster } = await import("../roster-view");
      const all = progressOracle(fixture, items);
      const pageSize = Math.max(5, Math.ceil(studentCount / 7));
      const queries = [
        {},
        { dir: "desc", page: "2" },
        { sort: "overall", dir: "desc", page: "3" },
        { sort: "overall", dir: "asc" },
        { sort: "lessons", dir: "desc", page: "2" },
        { sort: "quizzes", dir: "desc" },
        { sort: "exercises", dir: "asc", page: "4" },
        { sort: "started", dir: "desc" },
        { filter: "in-progress", sort: "overall", page: "2" },
        { filter: "completed" },
        { filter: "not-started" },
        { q: "BEA" },
        { q: "0001", sort: "overall", dir: "desc" },
        { page: "9999" },
      ];
      for (const params of queries) {
        const query = parseRosterQuery(params);
        const expected = viewRoster(all, query, items.ordered.length, pageSize);
        const actual = await getRosterPage(items, query, pageSize);
        expect({ params, total: actual.total, page: actual.page, pageCount: actual.pageCount }).toEqual({
          params,
          total: expected.total,
          page: expected.page,
          pageCount: expected.pageCount,
        });
        expect(actual.rows).toEqual(expected.rows);
      }
    });

    it("the streamed CSV equals the CSV of every student's brute-force row, in name order", async () => {
      const { gradesCsvStream } = await import("../grades-stream");
      const { gradesCsv } = await import("../grades-csv");
      const text = await new Response(gradesCsvStream(items, Math.min(300, Math.max(3, Math.ceil(studentCount / 6))))).text();
      expect(text).toBe(gradesCsv(progressOracle(fixture, items), items));
    });
  });
}
