/**
 * A regrade on the PostgreSQL queue (GRADING_MODE=queue): instead of grading
 * in this web replica's process (runner.ts, the embedded default), every
 * pending result of the job becomes a durable grading job at background
 * priority, graded by the grader hosts (lib/submissions/queue/regrade-job.ts),
 * which stage the reports and move the job to `staged`. Nothing is lost when a
 * replica or a host stops: the jobs stay in the queue. Pause lets queued jobs
 * finish without grading; resume enqueues what is still pending.
 */
import "server-only";
import { newGradingSeed } from "@/grader";
import { db } from "@/lib/db";
import { findExercise } from "@/lib/content/manifest";
import { MAX_ATTEMPTS, REGRADE_PRIORITY, type RegradeGradingJob, regradeJobKey, taskIdentifier } from "@/lib/submissions/queue/grading-job";
import { finishRegradeIfDone } from "@/lib/submissions/queue/regrade-job";

const WAIT_POLL_MS = 1_000;

/** Enqueues the job's pending results (a result already queued keeps its one job: job key); returns how many. */
export async function enqueueRegrade(jobId: string): Promise<number> {
  const job = await db.regradeJob.findUnique({ where: { id: jobId }, select: { status: true, exerciseId: true, contentHash: true } });
  if (job?.status !== "running") return 0;
  // the web replica's manifest names the content; hosts with that content take the jobs
  const contentHash = (await findExercise(job.exerciseId))?.contentHash === job.contentHash ? job.contentHash : null;
  const pending = await db.regradeResult.findMany({
    where: { jobId, status: "pending" },
    select: { id: true, submissionId: true, submission: { select: { hiddenSeed: true } } },
  });
  for (const r of pending) {
    // a row from before per-submission seeds gets one now, so this regrade and any later one agree
    const seed =
      r.submission.hiddenSeed ?? (await db.submission.update({ where: { id: r.submissionId }, data: { hiddenSeed: newGradingSeed() }, select: { hiddenSeed: true } })).hiddenSeed;
    if (!seed) continue;
    const payload: RegradeGradingJob = { kind: "regrade", regradeJobId: jobId, regradeResultId: r.id, submissionId: r.submissionId, exerciseId: job.exerciseId, contentHash, seed };
    await db.$queryRaw`SELECT (graphile_worker.add_job(
      ${taskIdentifier(job.exerciseId, contentHash)}, ${JSON.stringify(payload)}::json,
      max_attempts => ${MAX_ATTEMPTS}::int, priority => ${REGRADE_PRIORITY}::int, job_key => ${regradeJobKey(r.submissionId, jobId)}
    )).id::text AS id`;
  }
  // resumed with nothing left to grade (the last gradings ended while it was paused): finished
  if (pending.length === 0) await finishRegradeIfDone(jobId);
  return pending.length;
}

/**
 * Enqueues, then resolves once the job is no longer running (staged, paused
 * or discarded) — the same contract as the embedded runner, for
 * `npm run regrade`. Reads one row per second: a regrade takes minutes and the
 * hosts, not this wait, do the work (the instructor page does not wait).
 */
export async function runQueuedRegrade(jobId: string, options: { wait?: boolean } = {}): Promise<void> {
  await enqueueRegrade(jobId);
  if (!options.wait) return;
  for (;;) {
    const job = await db.regradeJob.findUnique({ where: { id: jobId }, select: { status: true } });
    if (job?.status !== "running") return;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}
