// The quiz item-analysis tallies kept by the real write path (submitAttempt) equal what the migration's
// backfill computes from the same attempts and answers, and the item analysis read from them equals a
// brute-force count over the stored rows (staff excluded, first attempts, upper/lower groups).
import "../testing/temp-database"; // first: lib/db opens the database named when it is imported
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extremeGroups } from "../discrimination";
import { rebuildQuizTallies } from "../testing/rebuild-tallies";
import { tempDatabaseDir } from "../testing/temp-database";
import { QUIZ_TALLY_BACKFILL } from "./quiz-backfill";

let db: typeof import("@/lib/db").db;
let attempts: typeof import("@/lib/quiz/attempts");
const QUIZ = "normalizing-activations";
const random = seedrandom("quiz-tally");

/** Responses answering each question right with probability `skill`, a wrong pick or nothing otherwise. */
async function responses(seed: number, skill: number) {
  const { loadQuiz } = await import("@/lib/quiz/load-quiz");
  const publicQuiz = await import("@/lib/quiz/public-quiz");
  const { expectedNumber } = await import("@/lib/quiz/grade");
  const quiz = (await loadQuiz(QUIZ))!;
  const out: Record<string, string[]> = {};
  for (const q of quiz.questions) {
    const right = random() < skill;
    if (!right && random() < 0.3) continue; // left blank
    if (q.type === "single" || q.type === "multiple") {
      const options = publicQuiz.shuffledOptions(q, seed);
      out[q.id] = options.flatMap((o, i) => (o.correct === right ? [publicQuiz.publicOptionId(i)] : [])).slice(0, right ? undefined : 1);
    } else if (q.type === "true-false") out[q.id] = [String(right ? q.answer : !q.answer)];
    else out[q.id] = [String(expectedNumber(q, seed) + (right ? 0 : 1))];
  }
  return out;
}

async function takeQuiz(userId: string, skill: number) {
  const { attemptId, seed } = await attempts.startOrResumeAttempt(userId, QUIZ);
  await attempts.submitAttempt(userId, attemptId, await responses(seed, skill));
  return attemptId;
}

const tallyRows = async () => ({
  first: (await db.quizFirstAttempt.findMany({ orderBy: [{ quizId: "asc" }, { userId: "asc" }] })).map((r) => ({
    ...r,
    correct: r.correct.split(",").sort().join(","), // the same set; string_agg's order is the database's collation
  })),
  responses: await db.quizResponseTally.findMany({ orderBy: [{ quizId: "asc" }, { questionId: "asc" }, { response: "asc" }] }),
});

const firstAttemptIds = new Map<string, string>();

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  attempts = await import("@/lib/quiz/attempts");
  const users = Array.from({ length: 14 }, (_, i) => `s${String(i).padStart(2, "0")}`);
  for (const id of users) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  await db.user.create({ data: { id: "teacher", name: "teacher", email: "teacher@example.com", role: "instructor" } });
  for (const [i, id] of [...users, "teacher"].entries()) {
    const tries = 1 + (i % 3);
    for (let k = 0; k < tries; k++) {
      const attemptId = await takeQuiz(id, (i + 1) / 16 + 0.2 * k);
      if (k === 0) firstAttemptIds.set(id, attemptId);
    }
  }
  await attempts.startOrResumeAttempt("s00", QUIZ); // an open attempt counts nowhere
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(tempDatabaseDir, { recursive: true, force: true });
});

describe("quiz tallies", () => {
  it("the first attempt row is each user's first submitted attempt", async () => {
    const rows = await db.quizFirstAttempt.findMany({ where: { quizId: QUIZ } });
    expect(new Map(rows.map((r) => [r.userId, r.attemptId]))).toEqual(firstAttemptIds);
  });

  it("the write path's tallies equal the migration's backfill of the same rows", async () => {
    const kept = await tallyRows();
    expect(kept.responses.length).toBeGreaterThan(10);
    await rebuildQuizTallies(db);
    expect(await tallyRows()).toEqual(kept);
  });

  it("the item analysis equals a brute-force count of the stored answers, staff excluded", async () => {
    const { getQuizAnalysis } = await import("../quiz-items");
    const analysis = (await getQuizAnalysis(QUIZ))!;
    const submitted = await db.quizAttempt.findMany({
      where: { quizId: QUIZ, status: "submitted", user: { role: "student" } },
      include: { answers: true },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    });
    const firsts = new Map<string, (typeof submitted)[number]>();
    for (const a of submitted) if (!firsts.has(a.userId)) firsts.set(a.userId, a);
    const scored = [...firsts.values()].map((a) => ({ userId: a.userId, attemptId: a.id, total: (a.score ?? 0) / (a.maxScore ?? 1) }));
    const groups = extremeGroups(scored)!;
    expect(analysis.students).toBe(14);
    expect(analysis.groupSize).toBe(groups.size);
    for (const q of analysis.questions) {
      const answer = (a: (typeof submitted)[number]) => a.answers.find((x) => x.questionId === q.questionId);
      const firstAnswers = [...firsts.values()].map(answer);
      const allAnswers = submitted.map(answer);
      const rightIn = (list: { userId: string }[]) => list.filter((s) => answer(firsts.get(s.userId)!)?.correct).length;
      expect([q.questionId, q.answered, q.correct, q.answeredAll, q.correctAll]).toEqual([
        q.questionId,
        firstAnswers.length,
        firstAnswers.filter((a) => a?.correct).length,
        allAnswers.length,
        allAnswers.filter((a) => a?.correct).length,
      ]);
      expect(q.discrimination).toBeCloseTo((rightIn(groups.upper) - rightIn(groups.lower)) / groups.size, 12);
      for (const o of q.options ?? []) {
        const picks = (list: typeof firstAnswers) => list.filter((a) => a?.response.includes(`"${o.id}"`) || a?.response.includes(`:${o.id}}`)).length;
        expect([q.questionId, o.id, o.count, o.countAll]).toEqual([q.questionId, o.id, picks(firstAnswers), picks(allAnswers)]);
      }
    }
  });

  it("the migration holds the backfill statements verbatim", () => {
    const migration = readFileSync(path.resolve("prisma/migrations/20261202110000_quiz_tallies/migration.sql"), "utf8");
    for (const statement of QUIZ_TALLY_BACKFILL) expect(migration).toContain(statement);
  });
});
