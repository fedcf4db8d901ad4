// Integration test against a throw-away SQLite database migrated with the real migrations.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("quiz-attempts");

type Attempts = typeof import("./attempts");
let attempts: Attempts;
let db: typeof import("@/lib/db").db;
let publicQuiz: typeof import("./public-quiz");
let loadQuiz: typeof import("./load-quiz").loadQuiz;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  attempts = await import("./attempts");
  publicQuiz = await import("./public-quiz");
  ({ loadQuiz } = await import("./load-quiz"));
  for (const id of ["alice", "bob"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const QUIZ = "normalizing-activations";

/** Correct responses for an attempt, computed the way a perfect student would answer. */
async function perfectResponses(seed: number) {
  const quiz = (await loadQuiz(QUIZ))!;
  const { expectedNumber } = await import("./grade");
  const out: Record<string, string[]> = {};
  for (const q of quiz.questions) {
    if (q.type === "single" || q.type === "multiple") {
      out[q.id] = publicQuiz.shuffledOptions(q, seed).flatMap((o, i) => (o.correct ? [publicQuiz.publicOptionId(i)] : []));
    } else if (q.type === "true-false") out[q.id] = [String(q.answer)];
    else out[q.id] = [String(expectedNumber(q, seed))];
  }
  return out;
}

describe("quiz attempts", () => {
  it("resumes the open attempt instead of starting a second one", async () => {
    const first = await attempts.startOrResumeAttempt("alice", QUIZ);
    const again = await attempts.startOrResumeAttempt("alice", QUIZ);
    expect(again).toEqual(first);
    const view = await attempts.getOpenAttemptView("alice", QUIZ);
    expect(view?.attemptId).toBe(first.attemptId);
    expect(JSON.stringify(view)).not.toMatch(/"correct"|explanation|formula/);
  });

  it("gives different students different seeds", async () => {
    const a = await attempts.startOrResumeAttempt("alice", QUIZ);
    const b = await attempts.startOrResumeAttempt("bob", QUIZ);
    expect(a.seed).not.toBe(b.seed);
  });

  it("grades on submit, records every answer, and refuses a second submit", async () => {
    const { attemptId, seed } = await attempts.startOrResumeAttempt("alice", QUIZ);
    const graded = await attempts.submitAttempt("alice", attemptId, await perfectResponses(seed));
    expect(graded.score).toBe(graded.maxScore);
    const rows = await db.quizAnswer.findMany({ where: { attemptId } });
    expect(rows.length).toBe(graded.questions.length);
    expect(rows.every((r) => r.correct && r.credit === 1)).toBe(true);
    await expect(attempts.submitAttempt("alice", attemptId, {})).rejects.toThrow();
  });

  it("does not let another student submit or review someone's attempt", async () => {
    const { attemptId } = await attempts.startOrResumeAttempt("bob", QUIZ);
    await expect(attempts.submitAttempt("alice", attemptId, {})).rejects.toThrow();
    expect(await attempts.getAttemptReview("alice", attemptId)).toBeNull();
  });

  it("only reviews submitted attempts, with explanations", async () => {
    const { attemptId } = await attempts.startOrResumeAttempt("bob", QUIZ);
    expect(await attempts.getAttemptReview("bob", attemptId)).toBeNull();
    await attempts.submitAttempt("bob", attemptId, {});
    const review = await attempts.getAttemptReview("bob", attemptId);
    expect(review?.score).toBe(0);
    expect(review?.questions.every((q) => q.explanation.length > 0 && q.credit === 0)).toBe(true);
  });

  it("keeps the best and the latest score across retakes", async () => {
    const retake = await attempts.startOrResumeAttempt("alice", QUIZ);
    await attempts.submitAttempt("alice", retake.attemptId, {});
    const history = await attempts.getQuizHistory("alice", QUIZ);
    expect(history.attempts).toBe(2);
    expect(history.best?.score).toBe(history.best?.maxScore);
    expect(history.latest?.id).toBe(retake.attemptId);
    expect(history.latest?.score).toBe(0);
  });

  it("records lesson progress once and reports module progress", async () => {
    const { markLessonRead, isLessonRead } = await import("@/lib/lessons/progress");
    await markLessonRead("alice", QUIZ);
    await markLessonRead("alice", QUIZ);
    expect(await isLessonRead("alice", QUIZ)).toBe(true);
    await db.submission.create({
      data: { userId: "alice", exerciseId: "batchnorm-forward", clientRequestId: "r1", code: "", language: "typescript", mode: "submit", status: "graded", verdict: "passed", score: 1 },
    });
    await db.submission.create({
      data: { userId: "alice", exerciseId: "batchnorm-backward", clientRequestId: "r2", code: "", language: "typescript", mode: "run", status: "graded", verdict: "passed", score: 1 },
    });
    const { getModuleProgress } = await import("@/lib/content/module-progress");
    const progress = await getModuleProgress("alice");
    expect(progress[0]).toMatchObject({ moduleId: QUIZ, lessonRead: true, quizAttempts: 2, exercises: [{ id: "batchnorm-forward", status: "passed", attempts: 1, bestScore: 1 }] });
    // A "run" is practice, not a submission.
    expect(progress[1].exercises[0]).toMatchObject({ id: "batchnorm-backward", status: "not-started", attempts: 0 });
    expect(progress[1].lessonRead).toBe(false);
  });
});
