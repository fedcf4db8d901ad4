/**
 * Dead-letter: jobs that failed MAX_ATTEMPTS times (their grading kept
 * crashing a worker, or kept dying with its host) are never run again.
 * Graphile Worker keeps them (attempts = max_attempts); here their
 * submissions are marked `error` (waiting requests are told) and instructors
 * can list them with the last error. A dead regrade grading marks its result
 * `error` ("could not be graded" on the regrade page; applying the regrade
 * leaves that submission's report as it was) and finishes its regrade when it
 * was the last one, so a regrade never stays `running` on a dead job.
 */
import "server-only";
import { db } from "@/lib/db";
import { GRADED_CHANNEL } from "./grading-job";
import { finishRegradeIfDone } from "./regrade-job";

/** Marks the submissions and regrade results of dead jobs as failed; returns how many it marked. */
export async function markDeadLetters(): Promise<number> {
  return (await markDeadSubmissions()) + (await markDeadRegradeResults());
}

async function markDeadSubmissions(): Promise<number> {
  const marked = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Submission" SET "status" = 'error', "finishedAt" = now()
    WHERE "status" IN ('queued', 'running') AND "id" IN (
      SELECT "key" FROM graphile_worker._private_jobs
      WHERE "key" IS NOT NULL AND "locked_at" IS NULL AND "attempts" >= "max_attempts")
    RETURNING "id"`;
  for (const { id } of marked) await db.$queryRaw`SELECT pg_notify(${GRADED_CHANNEL}, ${id})::text AS sent`;
  return marked.length;
}

async function markDeadRegradeResults(): Promise<number> {
  const marked = await db.$queryRaw<{ jobId: string }[]>`
    UPDATE "RegradeResult" r SET "status" = 'error'
    FROM graphile_worker._private_jobs j
    WHERE j."key" LIKE 'regrade:%' AND j."locked_at" IS NULL AND j."attempts" >= j."max_attempts"
      AND r."id" = j."payload"->>'regradeResultId' AND r."status" IN ('pending', 'running')
    RETURNING r."jobId"`;
  for (const jobId of new Set(marked.map((m) => m.jobId))) await finishRegradeIfDone(jobId);
  return marked.length;
}

export interface DeadLetter {
  submissionId: string;
  /** set when the dead job was a regrade's grading (the submission kept its report) */
  regradeJobId: string | null;
  exerciseId: string;
  userId: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

/** For instructors (callers authorize): the dead jobs, newest first. No code, no hidden data. */
export async function listDeadLetters(limit = 100): Promise<DeadLetter[]> {
  const rows = await db.$queryRaw<
    { id: string; regradeJobId: string | null; exerciseId: string; userId: string; attempts: number; last_error: string | null; updated_at: Date }[]
  >`
    SELECT s."id", j."payload"->>'regradeJobId' AS "regradeJobId", s."exerciseId", s."userId", j."attempts", j."last_error", j."updated_at"
    FROM graphile_worker._private_jobs j JOIN "Submission" s ON s."id" = j."payload"->>'submissionId'
    WHERE j."locked_at" IS NULL AND j."attempts" >= j."max_attempts"
    ORDER BY j."updated_at" DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    submissionId: r.id,
    regradeJobId: r.regradeJobId,
    exerciseId: r.exerciseId,
    userId: r.userId,
    attempts: Number(r.attempts),
    lastError: r.last_error?.slice(0, 500) ?? null,
    failedAt: new Date(r.updated_at).toISOString(),
  }));
}
