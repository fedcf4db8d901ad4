/**
 * Writes a grading's outcome onto its submission in one transaction: the
 * report, one SubmissionTestResult per executed test, one
 * SubmissionMisconception per detected misconception, the content hash the
 * report names, and (for a submit) the dashboards' tally — so analytics never
 * see half a submission. Used by grading and by applying a regrade.
 */
import "server-only";
import type { GradeReport } from "@/grader";
import { refreshItemTally } from "@/lib/analytics/tallies/item-tally";
import { db } from "@/lib/db";

export interface StoredSubmissionKey {
  id: string;
  userId: string;
  exerciseId: string;
  isSubmit: boolean;
}

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export interface StoreOptions {
  /**
   * Store only if the submission is still `queued` or `running` (the queue's
   * grader hosts: a job run twice stores one report). Returns whether it stored.
   */
  onlyIfUnfinished?: boolean;
  /** Run in the same transaction, after the report is written (the queue NOTIFYs waiting web replicas). */
  afterWrite?: (tx: Transaction) => Promise<unknown>;
}

export function storeReport(key: StoredSubmissionKey, report: GradeReport, gradingMs: number, options: StoreOptions = {}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (options.onlyIfUnfinished) {
      // the row lock taken here makes a concurrent second run of the same job wait, then find it graded
      const claimed = await tx.submission.updateMany({ where: { id: key.id, status: { in: ["queued", "running"] } }, data: { status: "running" } });
      if (claimed.count === 0) return false;
    }
    await writeReport(tx, key, report, gradingMs);
    await options.afterWrite?.(tx);
    return true;
  });
}

/** The same inside a caller's transaction (applying a regrade switches all its submissions at once). */
export async function writeReport(tx: Transaction, { id, userId, exerciseId, isSubmit }: StoredSubmissionKey, report: GradeReport, gradingMs: number): Promise<void> {
  // A compile error runs no test: only executed tests become rows.
  const executed = report.compileErrors.length > 0 ? [] : report.tests;
  await tx.submissionTestResult.deleteMany({ where: { submissionId: id } });
  await tx.submissionMisconception.deleteMany({ where: { submissionId: id } });
  await tx.submissionTestResult.createMany({
    data: executed.map((t) => ({ submissionId: id, exerciseId, testId: t.id, visibility: t.visibility, status: t.status })),
  });
  await tx.submissionMisconception.createMany({
    data: report.misconceptions.map((m) => ({ submissionId: id, userId, exerciseId, misconceptionId: m.id })),
  });
  // updateMany: no row comes back, so a grader host's role needs no right to read the code column
  await tx.submission.updateMany({
    where: { id },
    data: {
      status: "graded",
      verdict: report.status,
      score: report.score,
      report: JSON.stringify(report),
      // the content that produced this report (an infrastructure failure names none: keep the submit-time hash)
      ...(report.contentHash ? { contentHash: report.contentHash } : {}),
      gradingMs,
      finishedAt: new Date(),
    },
  });
  // the dashboards' per student × exercise tally (best score, passed), exact after a regrade too;
  // it is built from submits only, so a practice Run leaves it as it is
  if (isSubmit) await refreshItemTally(tx, userId, "exercise", exerciseId);
}
