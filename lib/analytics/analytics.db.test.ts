// Seed-based test of the analytics numbers: known rows go into a throw-away
// SQLite database migrated with the real migrations, and every percentage,
// distribution and discrimination index is checked against a hand count.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("analytics");

let db: typeof import("@/lib/db").db;
let quizItems: typeof import("./quiz-items");
let exerciseStats: typeof import("./exercise-stats");
let rosterPage: typeof import("./roster-page");
let items: import("./course-items").CourseItems;

const QUIZ = "normalizing-activations";
const EX = "batchnorm-forward";
const STUDENTS = Array.from({ length: 10 }, (_, i) => `s${i}`);
const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

/** Answers of each student's first attempt (s0 scores highest, s9 lowest). */
function choice(ids: string[]) {
  return JSON.stringify({ kind: "choice", optionIds: ids });
}
const WHY: Record<string, string[]> = {
  s0: ["rounder-contours"],
  s1: ["rounder-contours"],
  s2: ["rounder-contours"],
  s3: ["convex"],
  s4: ["rounder-contours"],
  s5: ["decorrelates"],
  s6: ["convex"],
  s7: ["convex"],
  s8: [],
  s9: ["rounder-contours"],
};

async function seedQuiz() {
  for (const [i, userId] of STUDENTS.entries()) {
    const attemptId = `first-${userId}`;
    await db.quizAttempt.create({
      data: { id: attemptId, userId, quizId: QUIZ, seed: 1, status: "submitted", score: 10 - i, maxScore: 10, startedAt: t(i), submittedAt: t(i + 1) },
    });
    const why = WHY[userId];
    const learnable = userId === "s0" ? ["gamma", "beta"] : userId === "s1" ? ["gamma"] : [];
    const biasedFalse = i < 5;
    await db.quizAnswer.createMany({
      data: [
        { attemptId, quizId: QUIZ, questionId: "why-normalize-inputs", response: choice(why), correct: why[0] === "rounder-contours", credit: 0 },
        { attemptId, quizId: QUIZ, questionId: "learnable-params", response: choice(learnable), correct: userId === "s0", credit: 0 },
        {
          attemptId,
          quizId: QUIZ,
          questionId: "biased-variance",
          response: JSON.stringify({ kind: "boolean", value: !biasedFalse }),
          correct: biasedFalse,
          credit: 0,
        },
      ],
    });
  }
  // A retake by the weakest student (after seeing the key), an instructor's
  // attempt and an unfinished attempt: none of them may count.
  const noise = [
    { id: "retake-s9", userId: "s9", status: "submitted", submittedAt: t(100) },
    { id: "teacher", userId: "teacher", status: "submitted", submittedAt: t(5) },
    { id: "open-s3", userId: "s3", status: "in_progress", submittedAt: null },
  ];
  for (const a of noise) {
    await db.quizAttempt.create({ data: { ...a, quizId: QUIZ, seed: 2, score: 10, maxScore: 10, startedAt: t(0) } });
    await db.quizAnswer.create({
      data: { attemptId: a.id, quizId: QUIZ, questionId: "why-normalize-inputs", response: choice(["rounder-contours"]), correct: true, credit: 1 },
    });
  }
}

let clock = 0;
async function submit(userId: string, verdict: "passed" | "failed", extra: { mode?: string; gradingMs?: number | null; id?: string } = {}) {
  clock += 1;
  return db.submission.create({
    data: {
      id: extra.id,
      userId,
      exerciseId: EX,
      clientRequestId: `req-${clock}`,
      code: "export function batchnormForward() {}",
      language: "typescript",
      mode: extra.mode ?? "submit",
      status: "graded",
      verdict,
      score: verdict === "passed" ? 1 : 0.25 * (clock % 3),
      gradingMs: extra.gradingMs ?? null,
      createdAt: t(clock),
    },
  });
}

async function seedExercise() {
  await submit("s0", "failed", { mode: "run", gradingMs: 5 }); // practice run: not an attempt
  await submit("s0", "failed", { gradingMs: 1, id: "a1" });
  await submit("s0", "failed", { gradingMs: 3, id: "a2" });
  await submit("s0", "passed", { gradingMs: 9 }); // first pass after 3 submits
  await submit("s0", "passed");
  await submit("s1", "passed", { gradingMs: 7 }); // 1 submit
  await submit("s2", "failed", { id: "c1" });
  await submit("s2", "failed", { id: "c2" }); // never passes
  await submit("s3", "failed");
  await submit("s3", "failed");
  await submit("s3", "passed", { gradingMs: 2 }); // 3 submits
  await submit("teacher", "passed"); // instructors are not in the class numbers
  const results = [
    ...[0, 1, 2].map(() => ({ testId: "h1", visibility: "hidden", status: "failed" })),
    ...[0, 1].map(() => ({ testId: "h1", visibility: "hidden", status: "passed" })),
    { testId: "h2", visibility: "hidden", status: "timeout" },
    { testId: "h3", visibility: "hidden", status: "passed" },
    ...[0, 1, 2, 3, 4].map(() => ({ testId: "p1", visibility: "public", status: "failed" })),
  ];
  await db.submissionTestResult.createMany({ data: results.map((r) => ({ ...r, submissionId: "a1", exerciseId: EX })) });
  await db.submissionMisconception.createMany({
    data: [
      { submissionId: "a1", userId: "s0", exerciseId: EX, misconceptionId: "unbiased-variance" },
      { submissionId: "a2", userId: "s0", exerciseId: EX, misconceptionId: "unbiased-variance" },
      { submissionId: "c1", userId: "s2", exerciseId: EX, misconceptionId: "unbiased-variance" },
      { submissionId: "c2", userId: "s2", exerciseId: EX, misconceptionId: "eps-missing" },
    ],
  });
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  quizItems = await import("./quiz-items");
  exerciseStats = await import("./exercise-stats");
  rosterPage = await import("./roster-page");
  items = await (await import("./course-items")).loadCourseItems();
  for (const id of STUDENTS) await db.user.create({ data: { id, name: `Student ${id}`, email: `${id}@example.com` } });
  await db.user.create({ data: { id: "teacher", name: "Teacher", email: "teacher@example.com", role: "instructor" } });
  await seedQuiz();
  await seedExercise();
  await db.lessonProgress.create({ data: { userId: "s1", lessonId: "normalizing-activations" } });
  await (await import("./testing/rebuild-tallies")).rebuildItemTallies(db);
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("quiz item analysis (first attempts of students)", () => {
  it("counts each student once and sizes the 27% groups", async () => {
    const a = (await quizItems.getQuizAnalysis(QUIZ))!;
    expect(a.students).toBe(10);
    expect(a.groupSize).toBe(3); // round(0.27 · 10)
    expect(a.meanPercent).toBeCloseTo(55, 10); // (100 + 90 + … + 10) / 10
  });

  it("computes percent correct, option distribution and D for a single-choice question", async () => {
    const q = (await quizItems.getQuizAnalysis(QUIZ))!.questions.find((x) => x.questionId === "why-normalize-inputs")!;
    expect(q.answered).toBe(10);
    expect(q.correct).toBe(5);
    expect(q.percentCorrect).toBe(0.5);
    expect(Object.fromEntries(q.options!.map((o) => [o.id, o.count]))).toEqual({ "rounder-contours": 5, decorrelates: 1, convex: 3, "smaller-gradients": 0 });
    expect(q.options!.find((o) => o.id === "convex")!.share).toBe(0.3);
    expect(q.blank).toBe(1);
    // upper s0,s1,s2: 3 correct; lower s7,s8,s9: 1 correct (s9)
    expect(q.discrimination).toBeCloseTo(2 / 3, 12);
  });

  it("counts each pick of a multiple-select question and a true/false split", async () => {
    const a = (await quizItems.getQuizAnalysis(QUIZ))!;
    const multi = a.questions.find((x) => x.questionId === "learnable-params")!;
    expect(multi.percentCorrect).toBe(0.1);
    expect(Object.fromEntries(multi.options!.map((o) => [o.id, o.count]))).toEqual({ gamma: 2, beta: 1, mu: 0, eps: 0, "running-var": 0 });
    expect(multi.blank).toBe(8);
    expect(multi.discrimination).toBeCloseTo(1 / 3, 12);
    const tf = a.questions.find((x) => x.questionId === "biased-variance")!;
    expect(tf.options!.map((o) => [o.id, o.count, o.correct])).toEqual([
      ["true", 5, false],
      ["false", 5, true],
    ]);
    expect(tf.discrimination).toBe(1);
    const unanswered = a.questions.find((x) => x.questionId === "statistics-axis")!;
    expect(unanswered.percentCorrect).toBeNull();
  });
});

describe("exercise analytics", () => {
  it("computes pass rate and attempts until first pass from submits of students only", async () => {
    const s = await exerciseStats.getExerciseStats(EX);
    expect(s.studentsAttempted).toBe(4);
    expect(s.studentsPassed).toBe(3);
    expect(s.passRate).toBe(0.75);
    expect(s.submits).toBe(10);
    expect(s.attemptsUntilPass).toEqual([
      { attempts: 1, students: 1 },
      { attempts: 3, students: 2 },
    ]);
  });

  it("ranks hidden test failures and misconceptions, and takes the median grading time", async () => {
    const s = await exerciseStats.getExerciseStats(EX);
    expect(s.hiddenTestFailures).toEqual([
      { testId: "h1", failures: 3, executions: 5 },
      { testId: "h2", failures: 1, executions: 1 },
    ]);
    expect(s.misconceptions).toEqual([
      { misconceptionId: "unbiased-variance", detections: 3, students: 2 },
      { misconceptionId: "eps-missing", detections: 1, students: 1 },
    ]);
    // gradingMs 5, 1, 3, 9, 7, 2 → sorted 1 2 3 5 7 9 → (3 + 5) / 2
    expect(s.medianGradingMs).toBe(4);
    expect(await exerciseStats.medianGradingMs("layernorm-forward")).toBeNull();
  });
});

describe("class progress matrix", () => {
  it("fills lesson, quiz and exercise cells and totals per student", async () => {
    const { parseRosterQuery } = await import("./roster-view");
    const { rows } = await rosterPage.getRosterPage(items, parseRosterQuery({}), 500);
    expect(rows.map((r) => r.userId)).toEqual(STUDENTS); // instructors excluded, by name
    const s0 = rows.find((r) => r.userId === "s0")!;
    expect(s0.exercises[EX]).toEqual({ status: "passed", best: 1, attempts: 4 });
    expect(s0.quizzes[QUIZ]).toEqual({ best: 10, attempts: 1 });
    const s2 = rows.find((r) => r.userId === "s2")!;
    expect(s2.exercises[EX].status).toBe("attempted");
    const s9 = rows.find((r) => r.userId === "s9")!;
    expect(s9.quizzes[QUIZ]).toEqual({ best: 10, attempts: 2 }); // the retake is the best
    const s1 = rows.find((r) => r.userId === "s1")!;
    expect(s1.lessons["normalizing-activations"]).toBe(true);
    expect(s1.totals.lessonsRead).toBe(1);
    expect(s1.totals.exercisesPassed).toBe(1);
    expect(s1.totals.itemsStarted).toBe(3);
    // (lesson 1 + quiz 9/10 + exercise 1) over every item of the course, however many it has
    expect(s1.totals.overallPercent).toBeCloseTo((100 * 2.9) / items.ordered.length, 4);
  });
});
