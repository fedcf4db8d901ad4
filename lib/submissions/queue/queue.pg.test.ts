// The PostgreSQL grading queue end to end on a throw-away database: web side
// (createSubmission in queue mode) and a grader host (Graphile Worker) in this
// process, plus the grader role's limits, idempotent gradings, content-hash
// routing, lease expiry and the dead-letter state.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

const testDb = createTestDatabase("queue");
process.env.GRADING_MODE = "queue";
process.env.SUBMISSION_RATE_LIMIT_POINTS = "1000";
process.env.SUBMIT_WAIT_MS = "20000";
process.env.GRADER_LEASE_SECONDS = "2";

type Db = typeof import("@/lib/db").db;
let db: Db;
let create: typeof import("../create-submission").createSubmission;
let host: typeof import("./grader-host");
let leases: typeof import("./leases");
let deadLetter: typeof import("./dead-letter");
let gradeJob: typeof import("./grade-job").gradeJob;
let SubmissionError: typeof import("../submission-error").SubmissionError;
let running: import("./grader-host").GraderHost | null = null;
const pickups: number[] = [];
let leftForOthers = "";

const EXERCISE = "batchnorm-forward";
const reference = readFileSync(path.resolve("exercises/batchnorm-forward/reference.ts"), "utf8");
const alice = { id: "alice" };
let counter = 0;
const body = () => ({ code: reference, language: "typescript", mode: "submit", clientRequestId: `queue-${++counter}-${Date.now()}` });

async function submitExpectingBusy(): Promise<string> {
  const error = await create(alice, EXERCISE, body()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubmissionError);
  const id = (error as InstanceType<typeof SubmissionError>).extra.submissionId;
  expect(id).toBeTruthy();
  return id as string;
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  ({ createSubmission: create } = await import("../create-submission"));
  host = await import("./grader-host");
  leases = await import("./leases");
  deadLetter = await import("./dead-letter");
  ({ gradeJob } = await import("./grade-job"));
  ({ SubmissionError } = await import("../submission-error"));
  await db.user.create({ data: { id: alice.id, name: "Alice", email: "alice@example.com" } });
}, 120_000);

afterAll(async () => {
  await running?.stop();
  await db?.$disconnect();
  testDb.cleanup();
  if (pickups.length) {
    const sorted = [...pickups].sort((a, b) => a - b);
    console.log(`queue pickup over ${sorted.length} jobs: p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`);
  }
});

describe("grading queue (PostgreSQL)", () => {
  it("stores the submission and its job in one transaction; a grader host grades it and the request gets the report", async () => {
    running = await host.startGraderHost({ concurrency: 2, onJob: (o) => pickups.push(o.pickupMs) });
    for (let i = 0; i < 5; i++) {
      const view = await create(alice, EXERCISE, body());
      expect(view.status).toBe("graded");
      expect(view.report?.status).toBe("passed");
    }
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM graphile_worker._private_jobs`;
    expect(Number(jobs[0].n)).toBe(0); // completed jobs are deleted
  }, 120_000);

  it("a job for content this host does not have is left for a host that has it", async () => {
    await running?.stop();
    running = await host.startGraderHost({ concurrency: 1, content: { [EXERCISE]: "0".repeat(64) } });
    process.env.SUBMIT_WAIT_MS = "1500";
    const id = await submitExpectingBusy();
    const [job] = await db.$queryRaw<{ attempts: number; locked_at: Date | null }[]>`SELECT attempts, locked_at FROM graphile_worker._private_jobs WHERE key = ${id}`;
    expect(job).toMatchObject({ attempts: 0, locked_at: null });
    await running.stop();
    running = null;
    leftForOthers = id; // graded by the next host with this content (below)
  }, 120_000);

  it("a job carries the submitter's address, so the host's fair queue takes addresses in turn", async () => {
    process.env.SUBMIT_WAIT_MS = "300";
    // its own user: alice's pending submissions count against her limit in the tests below
    await db.user.create({ data: { id: "dora", name: "Dora", email: "dora@example.com" } });
    const payloadOf = async (submitter: { id: string; address?: string }) => {
      const error = await create(submitter, EXERCISE, body()).then(
        () => null,
        (e: unknown) => e,
      );
      const id = (error as InstanceType<typeof SubmissionError>).extra.submissionId;
      const [{ payload }] = await db.$queryRaw<{ payload: { address?: string } }[]>`SELECT payload FROM graphile_worker._private_jobs WHERE key = ${id}`;
      return payload;
    };
    expect((await payloadOf({ id: "dora", address: "203.0.113.7" })).address).toBe("203.0.113.7");
    expect((await payloadOf({ id: "dora" })).address).toBeUndefined();
  }, 120_000);

  it("a job run twice stores one report", async () => {
    process.env.SUBMIT_WAIT_MS = "300";
    const id = await submitExpectingBusy();
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test' WHERE key = ${id}`;
    const [{ payload, run_at }] = await db.$queryRaw<{ payload: unknown; run_at: Date }[]>`SELECT payload, run_at FROM graphile_worker._private_jobs WHERE key = ${id}`;
    const helpers = { job: { run_at } } as unknown as Parameters<typeof gradeJob>[1];
    const outcomes = await Promise.all([gradeJob(payload, helpers), gradeJob(payload, helpers)]);
    expect(outcomes.filter((o) => o.stored)).toHaveLength(1);
    const again = await gradeJob(payload, helpers);
    expect(again.stored).toBe(false);
    const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { testResults: true } });
    const report = JSON.parse(row.report ?? "{}") as { tests: unknown[] };
    expect(row.status).toBe("graded");
    expect(row.testResults).toHaveLength(report.tests.length);
  }, 120_000);

  it("an expired lease frees its jobs for another host; a job out of attempts is dead-lettered and listed", async () => {
    process.env.SUBMIT_WAIT_MS = "300";
    const interrupted = await submitExpectingBusy();
    const exhausted = await submitExpectingBusy();
    await db.$executeRaw`INSERT INTO "GraderLease" ("workerId", "hostId", "expiresAt") VALUES ('dead-pool', 'gone:1', now() - interval '1 second')`;
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-pool', attempts = 1 WHERE key = ${interrupted}`;
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-pool', attempts = max_attempts WHERE key = ${exhausted}`;
    expect(await leases.reclaimExpiredLeases()).toEqual(["dead-pool"]);
    expect(await deadLetter.markDeadLetters()).toBe(1);
    expect((await db.submission.findUniqueOrThrow({ where: { id: exhausted } })).status).toBe("error");
    const listed = await deadLetter.listDeadLetters();
    expect(listed.map((d) => d.submissionId)).toEqual([exhausted]);
    expect(JSON.stringify(listed)).not.toContain("batchNormForward"); // no code in the listing
    running = await host.startGraderHost({ concurrency: 2, onJob: (o) => pickups.push(o.pickupMs) });
    const { gradedNotifications } = await import("./graded-notifications");
    expect(await gradedNotifications().waitFor(interrupted, 20_000)).toBe(true);
    expect((await db.submission.findUniqueOrThrow({ where: { id: interrupted } })).status).toBe("graded");
    // the job the other content's host left is graded by this one
    expect(await gradedNotifications().waitFor(leftForOthers, 20_000)).toBe(true);
    expect((await db.submission.findUniqueOrThrow({ where: { id: leftForOthers } })).status).toBe("graded");
  }, 120_000);

  it("a regrade goes through the queue at background priority; grader hosts stage its results and finish the job", async () => {
    const { findExercise } = await import("@/lib/content/manifest");
    const jobs = await import("@/lib/regrade/jobs");
    const { enqueueRegrade } = await import("@/lib/regrade/queue-regrade");
    const { runRegrade } = await import("@/lib/regrade/runner");
    const current = (await findExercise(EXERCISE))?.contentHash;
    expect(current).toMatch(/^[0-9a-f]{16}$/);
    // graded against "older content"
    const stale = await db.submission.updateMany({ where: { exerciseId: EXERCISE, mode: "submit", status: "graded" }, data: { contentHash: "0123456789abcdef" } });
    expect(stale.count).toBeGreaterThan(3);
    await running?.stop();
    running = null;
    const job = await jobs.startRegrade(EXERCISE, current as string, null);
    expect(job.status).toBe("running");
    expect(await enqueueRegrade(job.id)).toBe(stale.count);
    const queued = await db.$queryRaw<{ priority: number; task: string }[]>`
      SELECT j.priority, t.identifier AS task FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.key LIKE 'regrade:%'`;
    expect(queued).toHaveLength(stale.count); // enqueued once each, whatever the repeats
    for (const q of queued) expect(q).toEqual({ priority: 10, task: `grade:${EXERCISE}:${current}` });
    running = await host.startGraderHost({ concurrency: 2 });
    await runRegrade(job.id); // queue mode: enqueues (no-op now) and waits for the hosts
    const done = await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.status).toBe("staged");
    const results = await db.regradeResult.findMany({ where: { jobId: job.id } });
    expect(results.map((r) => r.status)).toEqual(results.map(() => "graded"));
    expect(results.every((r) => r.newVerdict === "passed")).toBe(true);
    // staged only: the submissions keep their old hash until the instructor applies
    expect(await db.submission.count({ where: { contentHash: "0123456789abcdef" } })).toBe(stale.count);
    await jobs.applyRegrade(job.id);
    expect(await db.submission.count({ where: { contentHash: "0123456789abcdef" } })).toBe(0);
  }, 120_000);

  it("a regrade grading whose host died runs again; one out of attempts is dead-lettered, the regrade finishes and the submission keeps its report", async () => {
    const { findExercise } = await import("@/lib/content/manifest");
    const jobs = await import("@/lib/regrade/jobs");
    const { enqueueRegrade } = await import("@/lib/regrade/queue-regrade");
    const current = (await findExercise(EXERCISE))?.contentHash as string;
    await running?.stop();
    running = null;
    const OLD = "fedcba9876543210";
    const stale = await db.submission.updateMany({ where: { exerciseId: EXERCISE, mode: "submit", status: "graded" }, data: { contentHash: OLD } });
    expect(stale.count).toBeGreaterThan(3);
    const regradeKey = (resultId: string) => db.regradeResult.findUniqueOrThrow({ where: { id: resultId } }).then((r) => `regrade:${r.submissionId}:${r.jobId}`);
    /** What a host killed mid-grading leaves: its lease (now expired), the job locked by its pool after `attempts` runs, the result running. */
    const dieWhileGrading = async (resultId: string, pool: string, attempts: "1" | "max") => {
      const key = await regradeKey(resultId);
      await db.$executeRaw`INSERT INTO "GraderLease" ("workerId", "hostId", "expiresAt") VALUES (${pool}, 'gone:2', now() - interval '1 second') ON CONFLICT DO NOTHING`;
      const locked = await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = ${pool},
        attempts = CASE WHEN ${attempts} = 'max' THEN max_attempts ELSE 1 END WHERE key = ${key}`;
      expect(locked).toBe(1);
      await db.regradeResult.update({ where: { id: resultId }, data: { status: "running" } });
    };

    // one regrade: one grading interrupted once (runs again), one that killed its host on every attempt (dead-lettered)
    const first = await jobs.startRegrade(EXERCISE, current, null);
    expect(await enqueueRegrade(first.id)).toBe(stale.count);
    const [interrupted, exhausted] = await db.regradeResult.findMany({ where: { jobId: first.id }, orderBy: { id: "asc" }, take: 2 });
    const before = await db.submission.findUniqueOrThrow({ where: { id: exhausted.submissionId } });
    await dieWhileGrading(interrupted.id, "dead-regrade-pool", "1");
    await dieWhileGrading(exhausted.id, "dead-regrade-pool", "max");
    expect(await leases.reclaimExpiredLeases()).toEqual(["dead-regrade-pool"]);
    expect(await deadLetter.markDeadLetters()).toBe(1);
    expect((await db.regradeResult.findUniqueOrThrow({ where: { id: exhausted.id } })).status).toBe("error");
    running = await host.startGraderHost({ concurrency: 2 });
    await vi.waitFor(async () => expect((await db.regradeJob.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("staged"), { timeout: 60_000, interval: 250 });
    expect((await db.regradeResult.findUniqueOrThrow({ where: { id: interrupted.id } })).status).toBe("graded");
    // what the instructor's regrade page shows: "Regraded. … N of N regraded (1 could not be graded)"
    const { regradeOverview } = await import("@/lib/regrade/overview");
    expect((await regradeOverview(EXERCISE))?.job).toMatchObject({ id: first.id, status: "staged", total: stale.count, done: stale.count, errors: 1 });
    const listed = await deadLetter.listDeadLetters();
    expect(listed.find((d) => d.regradeJobId === first.id)).toMatchObject({ submissionId: exhausted.submissionId, attempts: 3 });
    // applying writes the regraded reports; the dead-lettered one keeps its previous report (still stale)
    expect(await jobs.applyRegrade(first.id)).toEqual({ applied: stale.count - 1 });
    const after = await db.submission.findUniqueOrThrow({ where: { id: exhausted.submissionId } });
    expect({ report: after.report, verdict: after.verdict, score: after.score, contentHash: after.contentHash }).toEqual({
      report: before.report,
      verdict: before.verdict,
      score: before.score,
      contentHash: OLD,
    });
    expect(await db.submission.count({ where: { contentHash: OLD } })).toBe(1);

    // a regrade whose last grading is dead-lettered is finished by the sweep alone (no host left to finish it)
    await running.stop();
    running = null;
    const second = await jobs.startRegrade(EXERCISE, current, null);
    expect(await enqueueRegrade(second.id)).toBe(1);
    const [only] = await db.regradeResult.findMany({ where: { jobId: second.id } });
    await dieWhileGrading(only.id, "dead-regrade-pool-2", "max");
    expect(await leases.reclaimExpiredLeases()).toEqual(["dead-regrade-pool-2"]);
    expect(await deadLetter.markDeadLetters()).toBe(1);
    expect(await deadLetter.markDeadLetters()).toBe(0); // once
    expect(await jobs.regradeProgress(await db.regradeJob.findUniqueOrThrow({ where: { id: second.id } }))).toMatchObject({ status: "staged", total: 1, done: 1, errors: 1 });
    expect((await db.submission.findUniqueOrThrow({ where: { id: only.submissionId } })).report).toBe(before.report);
  }, 180_000);

  it("a regrade paused while a dead host had one of its gradings regrades it after resume", async () => {
    const jobs = await import("@/lib/regrade/jobs");
    const { enqueueRegrade } = await import("@/lib/regrade/queue-regrade");
    const { runRegrade } = await import("@/lib/regrade/runner");
    const { findExercise } = await import("@/lib/content/manifest");
    const staged = await jobs.activeJob(EXERCISE);
    expect(staged?.status).toBe("staged"); // the previous test's second regrade
    await jobs.discardRegrade(staged?.id as string);
    const regrade = await jobs.startRegrade(EXERCISE, (await findExercise(EXERCISE))?.contentHash as string, null);
    expect(await enqueueRegrade(regrade.id)).toBe(1);
    const [only] = await db.regradeResult.findMany({ where: { jobId: regrade.id } });
    await db.$executeRaw`INSERT INTO "GraderLease" ("workerId", "hostId", "expiresAt") VALUES ('dead-regrade-pool-3', 'gone:3', now() - interval '1 second')`;
    expect(await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-regrade-pool-3', attempts = 1 WHERE key LIKE 'regrade:%' || ${regrade.id}`).toBe(1);
    await db.regradeResult.update({ where: { id: only.id }, data: { status: "running" } });
    await jobs.pauseRegrade(regrade.id);
    running = await host.startGraderHost({ concurrency: 2 }); // reclaims the dead pool's job and runs it: paused, so it grades nothing
    await vi.waitFor(async () => expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker._private_jobs WHERE key LIKE 'regrade:%' || ${regrade.id}`).toEqual([]), {
      timeout: 30_000,
      interval: 250,
    });
    expect((await db.regradeResult.findUniqueOrThrow({ where: { id: only.id } })).status).toBe("pending");
    await jobs.resumeRegrade(regrade.id);
    await runRegrade(regrade.id); // enqueues it again and waits for the host
    expect(await jobs.regradeProgress(await db.regradeJob.findUniqueOrThrow({ where: { id: regrade.id } }))).toMatchObject({ status: "staged", done: 1, errors: 0 });

    // paused while its last grading finished: resuming has nothing to enqueue and finishes it
    await running.stop();
    running = null;
    await jobs.discardRegrade(regrade.id);
    const last = await jobs.startRegrade(EXERCISE, (await findExercise(EXERCISE))?.contentHash as string, null);
    await jobs.pauseRegrade(last.id);
    await db.regradeResult.updateMany({ where: { jobId: last.id }, data: { status: "graded" } });
    await jobs.resumeRegrade(last.id);
    expect(await enqueueRegrade(last.id)).toBe(0);
    expect((await db.regradeJob.findUniqueOrThrow({ where: { id: last.id } })).status).toBe("staged");
  }, 120_000);

  it("the grader role reads no users and no code, except the code of a job locked in the queue", async () => {
    const { ensureGraderRole } = await import("@/scripts/db/grader-role");
    await ensureGraderRole(testDb.url, "batchnorm_grader_test", "pw-test");
    const url = new URL(testDb.url);
    url.username = "batchnorm_grader_test";
    url.password = "pw-test";
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await expect(client.query(`SELECT * FROM "user"`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT * FROM "session"`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT "code" FROM "Submission"`)).rejects.toThrow(/permission denied/);
      const [any] = (await client.query(`SELECT "id" FROM "Submission" LIMIT 1`)).rows;
      expect((await client.query(`SELECT * FROM batchnorm_grading_input($1)`, [any.id])).rowCount).toBe(0);
      await client.query(`SELECT "verdict", "score" FROM "Submission" LIMIT 1`);
      await client.query(`SELECT "id", "status" FROM "RegradeResult" LIMIT 1`);
      // and it sees the queue (Graphile Worker's tables have row-level security on)
      expect((await client.query(`SELECT id FROM graphile_worker._private_tasks`)).rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
