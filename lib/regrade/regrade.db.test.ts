// A regrade end to end in one process: a temporary copy of the content
// (EXERCISES_DIR), a throw-away database (real migrations) and the real
// grader pool. The instructor changes what batchnorm-forward's tests expect
// (the reference now divides by N − 1), rebuilds the manifest, and regrades.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabaseDir } from "@/lib/analytics/testing/temp-database";
import { copyContent } from "@/lib/content/testing/content-copy";
import { buildTestManifest } from "@/lib/content/testing/build-test-manifest";

const root = copyContent();
process.env.EXERCISES_DIR = root;
process.env.SUBMISSION_RATE_LIMIT_POINTS = "1000";

const EXERCISE = "batchnorm-forward";
const correct = readFileSync(path.resolve("exercises/batchnorm-forward/reference.ts"), "utf8");
const unbiased = readFileSync(path.resolve("exercises/batchnorm-forward/mistakes/unbiased-variance.ts"), "utf8");

let db: typeof import("@/lib/db").db;
let jobs: typeof import("./jobs");
let runner: typeof import("./runner");
let stale: typeof import("./stale");
let changes: typeof import("./changes");
let findExercise: typeof import("@/lib/content/manifest").findExercise;
let shutdownGrader: () => Promise<void>;
let counter = 0;

async function submit(userId: string, code: string) {
  const { createSubmission } = await import("@/lib/submissions/create-submission");
  return createSubmission({ id: userId }, EXERCISE, { code, language: "typescript", mode: "submit", clientRequestId: `regrade-${++counter}` });
}

async function passedTally(userId: string) {
  return (await db.itemTally.findUnique({ where: { userId_kind_itemId: { userId, kind: "exercise", itemId: EXERCISE } } }))?.passed;
}

/** The instructor's edit: what the tests expect changes (biased → unbiased variance). */
async function changeReference(from: string, to: string) {
  const file = path.join(root, EXERCISE, "reference.ts");
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
  await buildTestManifest(root);
  return (await findExercise(EXERCISE))!.contentHash;
}

beforeAll(async () => {
  await buildTestManifest(root);
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  jobs = await import("./jobs");
  runner = await import("./runner");
  stale = await import("./stale");
  changes = await import("./changes");
  ({ findExercise } = await import("@/lib/content/manifest"));
  ({ shutdownGrader } = await import("@/grader"));
  for (const id of ["alice", "bob"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  for (const [user, code] of [["alice", correct], ["alice", correct], ["bob", unbiased], ["bob", unbiased]] as const) {
    expect((await submit(user, code)).status).toBe("graded");
  }
});

afterAll(async () => {
  await shutdownGrader?.();
  await db?.$disconnect();
  rmSync(path.dirname(root), { recursive: true, force: true });
  rmSync(tempDatabaseDir, { recursive: true, force: true });
});

describe("regrade", () => {
  it("stamps each submission with the content hash that graded it; none is stale while the content is unchanged", async () => {
    const hash = (await findExercise(EXERCISE))!.contentHash;
    const rows = await db.submission.findMany({ where: { exerciseId: EXERCISE } });
    expect(rows.map((r) => r.contentHash)).toEqual(rows.map(() => hash));
    expect(await stale.countStaleSubmits(EXERCISE, hash)).toBe(0);
  });

  it("counts, regrades (pausable), stages the changes per student, and applies them only on confirm", async () => {
    const newHash = await changeReference("squares / n;", "squares / (n - 1);");
    expect(await stale.countStaleSubmits(EXERCISE, newHash)).toBe(4);
    expect(stale.staleSummary(4)).toBe("4 submissions graded against older content");

    const job = await jobs.startRegrade(EXERCISE, newHash, null);
    expect(job.status).toBe("running");
    expect((await jobs.startRegrade(EXERCISE, newHash, null)).id).toBe(job.id); // one open job per exercise

    await jobs.pauseRegrade(job.id);
    await runner.runRegrade(job.id); // a paused job grades nothing
    expect((await jobs.regradeProgress(job)).done).toBe(0);
    await jobs.resumeRegrade(job.id);
    await runner.runRegrade(job.id);

    const progress = await jobs.regradeProgress((await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } })));
    expect(progress).toMatchObject({ status: "staged", total: 4, done: 4, errors: 0 });
    const diff = await changes.regradeChanges(job.id);
    expect(diff).toMatchObject({ passedToFailed: 2, failedToPassed: 2, unchanged: 0 });
    expect(diff.changes.map((c) => `${c.studentName}: ${c.oldVerdict} → ${c.newVerdict}`)).toEqual([
      "alice: passed → failed",
      "alice: passed → failed",
      "bob: failed → passed",
      "bob: failed → passed",
    ]);
    // staged: students and dashboards still see the old results
    expect(await passedTally("alice")).toBe(1);
    expect(await passedTally("bob")).toBe(0);
    expect(await stale.countStaleSubmits(EXERCISE, newHash)).toBe(4);

    expect(await jobs.applyRegrade(job.id)).toEqual({ applied: 4 });
    expect(await passedTally("alice")).toBe(0);
    expect(await passedTally("bob")).toBe(1);
    expect(await stale.countStaleSubmits(EXERCISE, newHash)).toBe(0);
    const rows = await db.submission.findMany({ where: { exerciseId: EXERCISE } });
    expect(new Set(rows.map((r) => r.contentHash))).toEqual(new Set([newHash]));
    const bobTests = await db.submissionTestResult.findMany({ where: { submission: { userId: "bob" } } });
    expect(bobTests.every((t) => t.status === "passed")).toBe(true);
    await expect(jobs.applyRegrade(job.id)).rejects.toThrow(jobs.RegradeStateError);
  });

  it("resumes a running job after a restart, and a discarded job changes nothing", async () => {
    const hash = await changeReference("squares / (n - 1);", "squares / n;");
    const job = await jobs.startRegrade(EXERCISE, hash, null);
    // what a killed server leaves behind: the job running, one result mid-grading
    const first = await db.regradeResult.findFirstOrThrow({ where: { jobId: job.id } });
    await db.regradeResult.update({ where: { id: first.id }, data: { status: "running" } });

    expect(await runner.resumeRegrades()).toEqual({ resumed: 1 });
    await runner.runRegrade(job.id); // joins the resumed runner
    const progress = await jobs.regradeProgress((await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } })));
    expect(progress).toMatchObject({ status: "staged", done: 4, errors: 0 });

    await jobs.discardRegrade(job.id);
    expect(await passedTally("bob")).toBe(1);
    expect(await stale.countStaleSubmits(EXERCISE, hash)).toBe(4);
  });

  it("a grading that keeps failing (its worker crashed) fails only its result: the job finishes and that submission keeps its report", async () => {
    const hash = (await findExercise(EXERCISE))!.contentHash;
    const { gradeInBackground } = await import("@/lib/submissions/fair-grading");
    const job = await jobs.startRegrade(EXERCISE, hash, null);
    let calls = 0;
    await runner.runRegrade(job.id, async (jobId, request) => {
      if (++calls === 1) throw new Error("grader worker crashed");
      return gradeInBackground(jobId, request);
    });
    const progress = await jobs.regradeProgress(await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } }));
    expect(progress).toMatchObject({ status: "staged", total: 4, done: 4, errors: 1 });
    const failed = await db.regradeResult.findFirstOrThrow({ where: { jobId: job.id, status: "error" } });
    const before = await db.submission.findUniqueOrThrow({ where: { id: failed.submissionId } });
    expect(await jobs.applyRegrade(job.id)).toEqual({ applied: 3 });
    const after = await db.submission.findUniqueOrThrow({ where: { id: failed.submissionId } });
    expect([after.report, after.verdict, after.score, after.contentHash]).toEqual([before.report, before.verdict, before.score, before.contentHash]);
    expect(await stale.countStaleSubmits(EXERCISE, hash)).toBe(1);
  });

  it("a grading whose worker was lost answers an infrastructure report: it counts as an error and never replaces the previous report", async () => {
    const hash = (await findExercise(EXERCISE))!.contentHash;
    const { gradeInBackground } = await import("@/lib/submissions/fair-grading");
    const { infrastructureReport, infraMessage } = await import("@/grader/engine/infrastructure-report");
    // the submissions still stale after the tests above (at least one: the previous test left one)
    const total = await stale.countStaleSubmits(EXERCISE, hash);
    expect(total).toBeGreaterThan(0);
    const job = await jobs.startRegrade(EXERCISE, hash, null);
    let calls = 0;
    await runner.runRegrade(job.id, async (jobId, request) => {
      const limits = { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64 };
      if (++calls === 1) return infrastructureReport(request, limits, infraMessage("crash", limits));
      return gradeInBackground(jobId, request);
    });
    const progress = await jobs.regradeProgress(await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } }));
    expect(progress).toMatchObject({ status: "staged", total, done: total, errors: 1 });
    const failed = await db.regradeResult.findFirstOrThrow({ where: { jobId: job.id, status: "error" } });
    const before = await db.submission.findUniqueOrThrow({ where: { id: failed.submissionId } });
    expect(before.verdict).not.toBe("error");
    expect(await jobs.applyRegrade(job.id)).toEqual({ applied: total - 1 });
    const after = await db.submission.findUniqueOrThrow({ where: { id: failed.submissionId } });
    expect([after.report, after.verdict, after.score]).toEqual([before.report, before.verdict, before.score]);
  });
});
