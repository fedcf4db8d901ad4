/**
 * Enqueues a grading job inside the transaction that stores the submission:
 * both commit or neither does, so no submission is stored without its job and
 * no job points at a submission that was rolled back. Graphile Worker's own
 * add_job() (its trigger NOTIFYs idle workers on commit) through the same
 * Prisma transaction. job_key = submission id: enqueueing the same submission
 * twice keeps one job.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type GradingJob, MAX_ATTEMPTS, taskIdentifier } from "./grading-job";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

export async function enqueueGrading(tx: Tx, job: GradingJob): Promise<void> {
  const identifier = taskIdentifier(job.exerciseId, job.contentHash);
  await tx.$queryRaw`SELECT (graphile_worker.add_job(
    ${identifier}, ${JSON.stringify(job)}::json, max_attempts => ${MAX_ATTEMPTS}::int, job_key => ${job.submissionId}
  )).id::text AS id`;
}
