/**
 * Dead-letter: jobs that failed MAX_ATTEMPTS times (their grading kept
 * crashing a worker, or kept dying with its host) are never run again.
 * Graphile Worker keeps them (attempts = max_attempts); here their
 * submissions are marked `error` (waiting requests are told) and instructors
 * can list them with the last error.
 */
import "server-only";
import { db } from "@/lib/db";
import { GRADED_CHANNEL } from "./grading-job";

/** Marks the submissions of dead jobs as failed; returns how many it marked. */
export async function markDeadLetters(): Promise<number> {
  const marked = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Submission" SET "status" = 'error', "finishedAt" = now()
    WHERE "status" IN ('queued', 'running') AND "id" IN (
      SELECT "key" FROM graphile_worker._private_jobs
      WHERE "key" IS NOT NULL AND "locked_at" IS NULL AND "attempts" >= "max_attempts")
    RETURNING "id"`;
  for (const { id } of marked) await db.$queryRaw`SELECT pg_notify(${GRADED_CHANNEL}, ${id})::text AS sent`;
  return marked.length;
}

export interface DeadLetter {
  submissionId: string;
  exerciseId: string;
  userId: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

/** For instructors (callers authorize): the dead jobs, newest first. No code, no hidden data. */
export async function listDeadLetters(limit = 100): Promise<DeadLetter[]> {
  const rows = await db.$queryRaw<{ id: string; exerciseId: string; userId: string; attempts: number; last_error: string | null; updated_at: Date }[]>`
    SELECT s."id", s."exerciseId", s."userId", j."attempts", j."last_error", j."updated_at"
    FROM graphile_worker._private_jobs j JOIN "Submission" s ON s."id" = j."key"
    WHERE j."locked_at" IS NULL AND j."attempts" >= j."max_attempts"
    ORDER BY j."updated_at" DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    submissionId: r.id,
    exerciseId: r.exerciseId,
    userId: r.userId,
    attempts: Number(r.attempts),
    lastError: r.last_error?.slice(0, 500) ?? null,
    failedAt: new Date(r.updated_at).toISOString(),
  }));
}
