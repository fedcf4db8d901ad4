// The running tallies are kept exact by the real write paths (submission created and graded, a regrade,
// a quiz attempt, a lesson read), also under concurrent writes, and equal what the migration's backfill
// computes from the same rows.
import "../testing/temp-database"; // first: lib/db opens the database named when it is imported
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabaseDir } from "../testing/temp-database";
import { rebuildItemTallies } from "../testing/rebuild-tallies";
import { ITEM_TALLY_BACKFILL } from "./backfill";
import type { Mode } from "@/grader/contract/vocabulary";

process.env.SUBMISSION_RATE_LIMIT_POINTS = "1000";

let db: typeof import("@/lib/db").db;
let createSubmission: typeof import("@/lib/submissions/create-submission").createSubmission;
let attempts: typeof import("@/lib/quiz/attempts");
let markLessonRead: typeof import("@/lib/lessons/progress").markLessonRead;
let shutdownGrader: () => Promise<void>;

const EXERCISE = "batchnorm-forward";
const QUIZ = "normalizing-activations";
const LESSON = "normalizing-activations";
const reference = readFileSync(path.resolve("exercises/batchnorm-forward/reference.ts"), "utf8");
const starter = readFileSync(path.resolve("exercises/batchnorm-forward/starter.ts"), "utf8");
let counter = 0;
const submit = (userId: string, code: string, mode: Mode = "submit") =>
  createSubmission({ id: userId }, EXERCISE, { code, language: "typescript", mode, clientRequestId: `tally-request-${++counter}` });

async function tally(userId: string, kind: string, itemId: string) {
  return db.itemTally.findUnique({ where: { userId_kind_itemId: { userId, kind, itemId } }, select: { best: true, attempts: true, passed: true } });
}

async function totals(userId: string) {
  return db.studentTally.findUnique({ where: { userId }, omit: { userId: true } });
}

/** Every tally row, then the same rows recomputed by the migration's backfill: they must be equal. */
async function expectTalliesEqualBackfill() {
  const order = [{ userId: "asc" as const }, { kind: "asc" as const }, { itemId: "asc" as const }];
  const kept = await db.itemTally.findMany({ orderBy: order });
  const keptTotals = await db.studentTally.findMany({ orderBy: { userId: "asc" } });
  await rebuildItemTallies(db);
  expect(kept).toEqual(await db.itemTally.findMany({ orderBy: order }));
  expect(keptTotals).toEqual(await db.studentTally.findMany({ orderBy: { userId: "asc" } }));
  return { kept, keptTotals };
}

/** Responses answering every question correctly (perfect) or none (empty). */
async function responses(seed: number, perfect: boolean) {
  const { loadQuiz } = await import("@/lib/quiz/load-quiz");
  const publicQuiz = await import("@/lib/quiz/public-quiz");
  const { expectedNumber } = await import("@/lib/quiz/grade");
  const quiz = (await loadQuiz(QUIZ))!;
  const out: Record<string, string[]> = {};
  if (!perfect) return out;
  for (const q of quiz.questions) {
    if (q.type === "single" || q.type === "multiple") {
      out[q.id] = publicQuiz.shuffledOptions(q, seed).flatMap((o, i) => (o.correct ? [publicQuiz.publicOptionId(i)] : []));
    } else if (q.type === "true-false") out[q.id] = [String(q.answer)];
    else out[q.id] = [String(expectedNumber(q, seed))];
  }
  return out;
}

async function takeQuiz(userId: string, perfect: boolean) {
  const { attemptId, seed } = await attempts.startOrResumeAttempt(userId, QUIZ);
  return attempts.submitAttempt(userId, attemptId, await responses(seed, perfect));
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  ({ createSubmission } = await import("@/lib/submissions/create-submission"));
  attempts = await import("@/lib/quiz/attempts");
  ({ markLessonRead } = await import("@/lib/lessons/progress"));
  ({ shutdownGrader } = await import("@/grader"));
  for (const id of ["ann", "ben", "cat"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
}, 120_000);

afterAll(async () => {
  await shutdownGrader?.();
  await db?.$disconnect();
  rmSync(tempDatabaseDir, { recursive: true, force: true });
});

describe("item tallies", () => {
  it("the migration backfills with exactly the statements the tests use", () => {
    const migration = readFileSync(path.resolve("prisma/migrations/20261202061000_item_tallies/migration.sql"), "utf8");
    for (const statement of ITEM_TALLY_BACKFILL) expect(migration).toContain(statement);
  });

  it("a lesson read once or twice is one read", async () => {
    await markLessonRead("ann", LESSON);
    await markLessonRead("ann", LESSON);
    expect(await tally("ann", "lesson", LESSON)).toEqual({ best: null, attempts: 1, passed: 0 });
  });

  it("submissions: a run does not count, a lower re-submission keeps the best, a higher one raises it", async () => {
    await submit("ben", reference, "run");
    expect(await tally("ben", "exercise", EXERCISE)).toBeNull();
    const low = await submit("ben", starter);
    expect(low.report?.status).toBe("failed");
    const lowScore = low.report?.score ?? 0;
    expect(lowScore).toBeLessThan(1);
    expect(await tally("ben", "exercise", EXERCISE)).toEqual({ best: lowScore, attempts: 1, passed: 0 });
    await submit("ben", reference);
    expect(await tally("ben", "exercise", EXERCISE)).toEqual({ best: 1, attempts: 2, passed: 1 });
    await submit("ben", starter);
    expect(await tally("ben", "exercise", EXERCISE)).toEqual({ best: 1, attempts: 3, passed: 1 });
  }, 120_000); // four gradings: the grader's first start took up to 30 s on the busy machine

  it("a regrade that lowers the only passing submission lowers the best score and clears passed", async () => {
    const pass = await submit("cat", reference);
    const fail = await submit("cat", starter);
    expect(await tally("cat", "exercise", EXERCISE)).toEqual({ best: 1, attempts: 2, passed: 1 });
    // e.g. a stricter grader: the stored code of the passing submission now fails when regraded
    await db.submission.update({ where: { id: pass.id }, data: { status: "queued", code: starter, report: null } });
    const { gradeStoredSubmission } = await import("@/lib/submissions/grade-submission");
    await gradeStoredSubmission(pass.id);
    expect(await tally("cat", "exercise", EXERCISE)).toEqual({ best: fail.report?.score, attempts: 2, passed: 0 });
    expect(await totals("cat")).toMatchObject({ passed: 0, started: 1, exercisePoints: fail.report?.score });
  });

  it("quiz attempts: the best submitted score and the number of submitted attempts", async () => {
    const low = await takeQuiz("ann", false);
    expect(await tally("ann", "quiz", QUIZ)).toEqual({ best: low.score, attempts: 1, passed: 0 });
    const high = await takeQuiz("ann", true);
    expect(high.score).toBeGreaterThan(low.score);
    await takeQuiz("ann", false);
    await attempts.startOrResumeAttempt("ann", QUIZ); // an open attempt is not counted
    expect(await tally("ann", "quiz", QUIZ)).toEqual({ best: high.score, attempts: 3, passed: 0 });
    // with the lesson read earlier: two items started, the quiz at full marks counts 1
    expect(await totals("ann")).toEqual({ lessons: 1, quizzes: 1, quizPoints: high.score, passed: 0, started: 2, exercisePoints: 0, quizFractions: high.score / high.maxScore });
  });

  it("concurrent writes of the same students leave every tally exact", async () => {
    await Promise.all([
      submit("ann", starter),
      submit("ann", reference),
      submit("ann", starter),
      takeQuiz("ben", true),
      takeQuiz("cat", false),
      markLessonRead("ben", LESSON),
      markLessonRead("ben", LESSON),
      markLessonRead("cat", LESSON),
    ]);
    const { kept: rows, keptTotals } = await expectTalliesEqualBackfill();
    expect(keptTotals).toHaveLength(3);
    expect(rows.find((r) => r.userId === "ann" && r.kind === "exercise")).toMatchObject({ best: 1, attempts: 3, passed: 1 });
    expect(rows.filter((r) => r.kind === "lesson")).toHaveLength(3);
  }, 120_000);
});
