/**
 * Grader host side of a regrade on the queue (lib/regrade/queue-regrade.ts
 * enqueues): grades one stale submit against this host's content and stages
 * the report on its RegradeResult row, exactly as the embedded runner does
 * (lib/regrade/runner.ts) — the instructor applies or discards the staged
 * results on the regrade page. The host that stages the job's last result
 * moves the job to `staged`.
 *
 * Background work: the job has a lower priority than every student grading
 * (REGRADE_PRIORITY) and runs as a background owner in this host's fair
 * queue; its time is not charged to any student's budget. A paused or
 * discarded regrade's jobs finish without grading (resume enqueues the
 * pending results again). A grading that throws is retried by Graphile
 * Worker; on the last attempt the result is marked `error`. A grading that
 * dies with its host runs again when the host's lease expires (leases.ts);
 * after the last attempt the dead-letter sweep marks it `error` (dead-letter.ts).
 */
import "server-only";
import type { JobHelpers } from "graphile-worker";
import type { GradeReport } from "@/grader";
import { LanguageSchema, ModeSchema } from "@/grader/contract/vocabulary";
import { db } from "@/lib/db";
import { gradeFairly } from "../fair-grading";
import { MAX_ATTEMPTS, type RegradeGradingJob } from "./grading-job";

interface GradingInput {
  exerciseId: string;
  code: string;
  language: string;
  mode: string;
}

export type RegradeOutcome = "staged" | "skipped" | "error";

/** Moves a running regrade to `staged` once none of its results is left to grade (also called by the dead-letter sweep). */
export async function finishRegradeIfDone(regradeJobId: string): Promise<void> {
  const left = await db.regradeResult.count({ where: { jobId: regradeJobId, status: { in: ["pending", "running"] } } });
  if (left === 0) await db.regradeJob.updateMany({ where: { id: regradeJobId, status: "running" }, data: { status: "staged" } });
}

export async function regradeJob(job: RegradeGradingJob, helpers: Pick<JobHelpers, "job">): Promise<RegradeOutcome> {
  const regrade = await db.regradeJob.findUnique({ where: { id: job.regradeJobId }, select: { status: true } });
  if (regrade?.status !== "running") {
    // paused while a dead host had this result: back to pending, so resume enqueues it again
    await db.regradeResult.updateMany({ where: { id: job.regradeResultId, status: "running" }, data: { status: "pending" } });
    return "skipped";
  }
  // running too: a host that died mid-grading left it so, and the queue hands each result to one host at a time (job key)
  const claimed = await db.regradeResult.updateMany({ where: { id: job.regradeResultId, status: { in: ["pending", "running"] } }, data: { status: "running" } });
  if (claimed.count !== 1) return "skipped";
  const [input] = await db.$queryRaw<GradingInput[]>`SELECT "exerciseId", "code", "language", "mode" FROM batchnorm_grading_input(${job.submissionId})`;
  const started = performance.now();
  let report: GradeReport;
  try {
    if (!input) throw new Error(`submission ${job.submissionId} is not readable`);
    report = await gradeFairly(
      { userId: `regrade:${job.regradeJobId}`, background: true },
      { exerciseId: input.exerciseId, code: input.code, language: LanguageSchema.parse(input.language), mode: ModeSchema.parse(input.mode), seed: job.seed },
    );
    // not a verdict on the code (see the embedded runner): retried, and an error item once out of attempts
    if (report.infrastructureFailure) throw new Error(report.summary);
  } catch (e) {
    const lastAttempt = (helpers.job.attempts ?? 1) >= (helpers.job.max_attempts ?? MAX_ATTEMPTS);
    await db.regradeResult.updateMany({ where: { id: job.regradeResultId, status: "running" }, data: { status: lastAttempt ? "error" : "pending" } });
    if (!lastAttempt) throw e; // Graphile Worker retries it with backoff
    console.error(`[grader host] regrading submission ${job.submissionId} failed:`, e instanceof Error ? e.message : e);
    await finishRegradeIfDone(job.regradeJobId);
    return "error";
  }
  await db.regradeResult.updateMany({
    where: { id: job.regradeResultId, status: "running" },
    data: { status: "graded", newVerdict: report.status, newScore: report.score, report: JSON.stringify(report), gradingMs: performance.now() - started },
  });
  await finishRegradeIfDone(job.regradeJobId);
  return "staged";
}
