// Integration test of the submission pipeline against a throw-away SQLite
// database (the real migrations) and the real grader worker pool.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("submissions");
process.env.SUBMISSION_RATE_LIMIT_POINTS = "1000";

let db: typeof import("@/lib/db").db;
let create: typeof import("./create-submission").createSubmission;
let get: typeof import("./get-submission");
let recover: typeof import("./recover-submissions").recoverSubmissions;
let SubmissionError: typeof import("./submission-error").SubmissionError;
let shutdownGrader: () => Promise<void>;

const EXERCISE = "batchnorm-forward";
const reference = readFileSync(path.resolve("exercises/batchnorm-forward/reference.ts"), "utf8");
const starter = readFileSync(path.resolve("exercises/batchnorm-forward/starter.ts"), "utf8");
const unbiased = readFileSync(path.resolve("exercises/batchnorm-forward/mistakes/unbiased-variance.ts"), "utf8");
let counter = 0;
const requestId = () => `test-request-${++counter}-${Date.now()}`;
const alice = { id: "alice", role: "student" as const };
const bob = { id: "bob", role: "student" as const };
const teacher = { id: "teacher", role: "instructor" as const };

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  ({ createSubmission: create } = await import("./create-submission"));
  get = await import("./get-submission");
  ({ recoverSubmissions: recover } = await import("./recover-submissions"));
  ({ SubmissionError } = await import("./submission-error"));
  ({ shutdownGrader } = await import("@/grader"));
  for (const u of [alice, bob, teacher]) await db.user.create({ data: { id: u.id, name: u.id, email: `${u.id}@example.com`, role: u.role } });
});

afterAll(async () => {
  await shutdownGrader?.();
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function expectError(promise: Promise<unknown>, code: string, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubmissionError);
  expect((error as InstanceType<typeof SubmissionError>).code).toBe(code);
  expect((error as InstanceType<typeof SubmissionError>).status).toBe(status);
}

describe("submission pipeline", () => {
  it("grades a correct submission and stores the report, one row per test and no misconception", async () => {
    const view = await create(alice, EXERCISE, { code: reference, language: "typescript", mode: "submit", clientRequestId: requestId() });
    expect(view.status).toBe("graded");
    expect(view.verdict).toBe("passed");
    expect(view.score).toBe(1);
    expect(view.report?.tests.every((t) => t.status === "passed")).toBe(true);
    const rows = await db.submissionTestResult.findMany({ where: { submissionId: view.id } });
    expect(rows).toHaveLength(view.report?.tests.length ?? -1);
    expect(await db.submissionMisconception.count({ where: { submissionId: view.id } })).toBe(0);
    const stored = await db.submission.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.finishedAt).not.toBeNull();
    expect(stored.gradingMs).toBeGreaterThan(0);
  });

  it("records the misconception of a known-wrong solution and never sends hidden data", async () => {
    const view = await create(alice, EXERCISE, { code: unbiased, language: "typescript", mode: "submit", clientRequestId: requestId() });
    expect(view.verdict).toBe("failed");
    expect(view.report?.misconceptions.map((m) => m.id)).toContain("unbiased-variance");
    const rows = await db.submissionMisconception.findMany({ where: { submissionId: view.id } });
    expect(rows.map((r) => r.misconceptionId)).toContain("unbiased-variance");
    for (const t of view.report?.tests ?? []) if (t.visibility === "hidden") expect(t.detail).toBeUndefined();
  });

  it("a run executes only public tests", async () => {
    const view = await create(alice, EXERCISE, { code: starter, language: "typescript", mode: "run", clientRequestId: requestId() });
    expect(view.mode).toBe("run");
    expect(view.report?.tests.length).toBeGreaterThan(0);
    expect(view.report?.tests.every((t) => t.visibility === "public")).toBe(true);
    expect(view.report?.tests.some((t) => t.detail?.expected !== undefined)).toBe(true);
  });

  it("is idempotent on clientRequestId, also when the same request races itself", async () => {
    const body = { code: reference, language: "typescript", mode: "submit", clientRequestId: requestId() };
    const [a, b, c] = await Promise.all([create(alice, EXERCISE, body), create(alice, EXERCISE, body), create(alice, EXERCISE, body)]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const again = await create(alice, EXERCISE, body);
    expect(again.id).toBe(a.id);
    expect(await db.submission.count({ where: { userId: "alice", clientRequestId: body.clientRequestId } })).toBe(1);
    // The key is per user: bob's identical key is his own submission.
    const bobs = await create(bob, EXERCISE, body);
    expect(bobs.id).not.toBe(a.id);
  });

  it("rejects bad input with a clear error and stores nothing", async () => {
    const before = await db.submission.count();
    const ok = { code: starter, language: "typescript", mode: "submit", clientRequestId: requestId() };
    await expectError(create(alice, EXERCISE, { ...ok, code: "x".repeat(64 * 1024 + 1) }), "too-large", 413);
    await expectError(create(alice, EXERCISE, { ...ok, language: "python" }), "invalid", 400);
    await expectError(create(alice, EXERCISE, { ...ok, mode: "grade" }), "invalid", 400);
    await expectError(create(alice, EXERCISE, { ...ok, clientRequestId: "x" }), "invalid", 400);
    await expectError(create(alice, EXERCISE, "not an object"), "invalid", 400);
    await expectError(create(alice, "no-such-exercise", ok), "unknown-exercise", 404);
    await expectError(create(alice, "../etc/passwd", ok), "unknown-exercise", 404);
    expect(await db.submission.count()).toBe(before);
  });

  it("a reused clientRequestId on another exercise is a conflict", async () => {
    const body = { code: starter, language: "typescript", mode: "run", clientRequestId: requestId() };
    await create(alice, EXERCISE, body);
    await expectError(create(alice, "layernorm-forward", body), "conflict", 409);
  });

  it("shows a submission to its owner and instructors only", async () => {
    const view = await create(alice, EXERCISE, { code: starter, language: "typescript", mode: "submit", clientRequestId: requestId() });
    expect((await get.getSubmissionForViewer(view.id, alice))?.id).toBe(view.id);
    expect((await get.getSubmissionForViewer(view.id, teacher))?.id).toBe(view.id);
    expect(await get.getSubmissionForViewer(view.id, bob)).toBeNull();
    const history = await get.listSubmissionHistory("alice", EXERCISE);
    expect(history.map((h) => h.id)).toContain(view.id);
    expect(history.every((h) => h.id !== undefined && h.code.length > 0)).toBe(true);
    expect(await get.listSubmissionHistory("bob", "layernorm-forward")).toEqual([]);
  });

  it("grades submissions left queued or running by a stopped server", async () => {
    const left = await Promise.all(
      ["queued", "running"].map((status) =>
        db.submission.create({
          data: { userId: "bob", exerciseId: EXERCISE, clientRequestId: requestId(), code: reference, language: "typescript", mode: "submit", status },
        }),
      ),
    );
    const { recovered } = await recover();
    expect(recovered).toBeGreaterThanOrEqual(2);
    for (const row of left) {
      const after = await db.submission.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.status).toBe("graded");
      expect(after.verdict).toBe("passed");
    }
  });

  it("refuses (429 + Retry-After, nothing stored) a user who already has 3 submissions waiting to be graded", async () => {
    await db.user.create({ data: { id: "flooder", name: "flooder", email: "flooder@example.com", role: "student" } });
    // three stored and not yet graded (as while a flood of slow code queues behind the user's one grading at a time)
    const waiting = await Promise.all(
      [1, 2, 3].map(() =>
        db.submission.create({ data: { userId: "flooder", exerciseId: EXERCISE, clientRequestId: requestId(), code: reference, language: "typescript", mode: "submit" } }),
      ),
    );
    const before = await db.submission.count({ where: { userId: "flooder" } });
    const refused = await create({ id: "flooder" }, EXERCISE, { code: reference, language: "typescript", mode: "run", clientRequestId: requestId() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SubmissionError);
    expect((refused as InstanceType<typeof SubmissionError>).status).toBe(429);
    expect((refused as InstanceType<typeof SubmissionError>).extra.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.submission.count({ where: { userId: "flooder" } })).toBe(before);
    // once one of them is graded, the next is accepted again
    await db.submission.update({ where: { id: waiting[0].id }, data: { status: "graded" } });
    const view = await create({ id: "flooder" }, EXERCISE, { code: reference, language: "typescript", mode: "run", clientRequestId: requestId() });
    expect(view.status).toBe("graded");
    await db.submission.updateMany({ where: { userId: "flooder", status: "queued" }, data: { status: "graded" } });
  });

  it("gives each submission its own hidden seed, never shows it, and regrades with the same seed", async () => {
    // Correct only where the first input value is positive: which hidden tests pass depends on the hidden inputs.
    const picky = `${reference.replace("export function batchnormForward(", "function correct(")}
export function batchnormForward(x: number[][], g: number[], b: number[], e: number) {
  return x[0][0] > 0 ? correct(x, g, b, e) : { out: [], mean: [], variance: [] };
}`;
    expect(picky).not.toBe(reference);
    const a = await create(alice, EXERCISE, { code: picky, language: "typescript", mode: "submit", clientRequestId: requestId() });
    const b = await create(alice, EXERCISE, { code: picky, language: "typescript", mode: "submit", clientRequestId: requestId() });
    const rows = await db.submission.findMany({ where: { id: { in: [a.id, b.id] } } });
    const seeds = rows.map((r) => r.hiddenSeed);
    expect(seeds.every((seed) => /^[0-9a-f]{16}$/.test(seed ?? ""))).toBe(true);
    expect(new Set(seeds).size).toBe(2);
    for (const [view, seed] of [[a, seeds[0]], [b, seeds[1]]] as const) {
      expect(JSON.stringify(view)).not.toContain(seed);
      expect(JSON.stringify(await get.getSubmissionForViewer(view.id, alice))).not.toContain(seed);
    }
    const pattern = (report: typeof a.report) => report?.tests.map((t) => t.status).join(",");
    // Regrade a: put it back to queued; the grading must reuse its stored seed and reach the same verdicts.
    const before = pattern(a.report);
    expect(before).toMatch(/passed/);
    expect(before).toMatch(/failed/);
    for (let k = 0; k < 3; k++) {
      await db.submission.update({ where: { id: a.id }, data: { status: "queued", report: null } });
      const { gradeStoredSubmission } = await import("./grade-submission");
      await gradeStoredSubmission(a.id);
      const again = await get.getSubmissionForViewer(a.id, alice);
      expect(pattern(again?.report ?? null)).toBe(before);
      expect((await db.submission.findUniqueOrThrow({ where: { id: a.id } })).hiddenSeed).toBe(seeds[0]);
    }
  });

  it("a submission stored without a seed gets one when it is graded, kept for later regrades", async () => {
    const row = await db.submission.create({
      data: { userId: "bob", exerciseId: EXERCISE, clientRequestId: requestId(), code: reference, language: "typescript", mode: "submit" },
    });
    expect(row.hiddenSeed).toBeNull();
    const { gradeStoredSubmission } = await import("./grade-submission");
    await gradeStoredSubmission(row.id);
    const after = await db.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("graded");
    expect(after.hiddenSeed).toMatch(/^[0-9a-f]{16}$/);
  });
});
