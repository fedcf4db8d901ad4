/**
 * After a restart: submissions left `queued` or `running` by the previous
 * server process are graded now. A `running` row's grading died with that
 * process, so it is put back to `queued` first. Runs one at a time so the
 * backlog never fills the grader's queue while students are submitting.
 */
import "server-only";
import { db } from "@/lib/db";
import { BUSY_RETRY_SECONDS, gradeStoredSubmission } from "./grade-submission";
import { SubmissionError } from "./submission-error";

export async function recoverSubmissions(): Promise<{ recovered: number }> {
  await db.submission.updateMany({ where: { status: "running" }, data: { status: "queued", startedAt: null } });
  const pending = await db.submission.findMany({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  for (const { id } of pending) {
    try {
      await gradeStoredSubmission(id);
    } catch (e) {
      // Busy: the submission stays queued and grade-submission.ts retries it.
      if (!(e instanceof SubmissionError)) throw e;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_SECONDS * 1000));
    }
  }
  return { recovered: pending.length };
}
