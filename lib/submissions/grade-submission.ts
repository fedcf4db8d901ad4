/**
 * Grades a stored submission: queued → running → graded (a report exists,
 * whatever its verdict) or error (no report could be produced). The report,
 * one SubmissionTestResult per executed test and one SubmissionMisconception
 * per detected misconception are written in one transaction, so analytics
 * never see half a submission.
 *
 * When the grader's queue is full the row goes back to `queued` and a retry
 * is scheduled in this process: an accepted submission is always graded
 * eventually (and after a restart by recover-submissions.ts).
 *
 * Hidden inputs come from the submission's stored seed (hiddenSeed), so a
 * retry, a recovery after a restart or a regrade grades the same inputs.
 */
import "server-only";
import { type GradeReport, GraderBusyError, newGradingSeed } from "@/grader";
import { db } from "@/lib/db";
import { gradeFairly } from "./fair-grading";
import { storeReport } from "./store-report";
import { SubmissionError } from "./submission-error";
import type { Language, Mode } from "@/grader/contract/vocabulary";

export const BUSY_RETRY_SECONDS = 5;

// Per process: a submission is graded at most once at a time even if the same
// request is repeated while it is still running.
const globalForGrading = globalThis as unknown as { batchnormGrading?: Map<string, Promise<void>> };
const inFlight = (globalForGrading.batchnormGrading ??= new Map());

/** `address`: the submitter's client address, for the per-address grading budget (fair-grading.ts). */
export function gradeStoredSubmission(id: string, address?: string): Promise<void> {
  const running = inFlight.get(id);
  if (running) return running;
  const job = runGrading(id, address).finally(() => inFlight.delete(id));
  inFlight.set(id, job);
  return job;
}

async function runGrading(id: string, address?: string): Promise<void> {
  // Claim the row: only a queued submission starts running.
  const claimed = await db.submission.updateMany({ where: { id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  if (claimed.count === 0) return;
  const row = await db.submission.findUniqueOrThrow({ where: { id } });
  // Rows from before per-submission seeds get one now, stored before grading, so any regrade reuses it.
  const seed = row.hiddenSeed ?? (await db.submission.update({ where: { id }, data: { hiddenSeed: newGradingSeed() }, select: { hiddenSeed: true } })).hiddenSeed ?? undefined;
  const started = performance.now();
  let report: GradeReport;
  try {
    report = await gradeFairly({ userId: row.userId, address }, {
      exerciseId: row.exerciseId,
      code: row.code,
      language: row.language as Language,
      mode: row.mode as Mode,
      seed,
    });
  } catch (e) {
    if (e instanceof GraderBusyError) {
      await db.submission.update({ where: { id }, data: { status: "queued", startedAt: null } });
      scheduleRetry(id, BUSY_RETRY_SECONDS * 1000, address);
      throw new SubmissionError("busy", "The grader is busy. Your submission is saved and will be graded in a few seconds.", {
        retryAfterSeconds: BUSY_RETRY_SECONDS,
        submissionId: id,
      });
    }
    await db.submission.update({
      where: { id },
      data: { status: "error", finishedAt: new Date(), gradingMs: performance.now() - started },
    });
    console.error(`Grading submission ${id} failed:`, e);
    return;
  }
  await storeReport({ id, userId: row.userId, exerciseId: row.exerciseId, isSubmit: row.mode === "submit" }, report, performance.now() - started);
}

function scheduleRetry(id: string, delayMs: number, address?: string): void {
  const timer = setTimeout(() => {
    gradeStoredSubmission(id, address).catch((e) => {
      if (!(e instanceof SubmissionError)) console.error(`Retrying submission ${id} failed:`, e);
    });
  }, delayMs);
  timer.unref?.();
}
