/**
 * Admission: a user may have at most `GRADER_MAX_PENDING_PER_USER` (default
 * 3) submissions stored and not yet graded. Beyond that a Run or Submit is
 * answered 429 with Retry-After and nothing is stored — instead of storing it
 * and answering 503, which left a flooding account's backlog queued (its
 * gradings run one at a time, behind everyone else's: measured, 28 of 180
 * were still queued when the load test's drain ended). Every submission that
 * is accepted is therefore one the grader will reach soon, and "accepted"
 * keeps meaning "will get a final status".
 *
 * Counted in the database inside the transaction that stores the submission:
 * the SQLite adapter runs one transaction at a time, so 30 parallel requests
 * of one account cannot all pass the check before any of them is stored.
 * (On a database with concurrent transactions the count is a close bound:
 * the per-user rate limit still caps what parallel requests can add.)
 */
import "server-only";
import type { db } from "@/lib/db";

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** How long a refused client should wait: about one slow grading. */
export const PENDING_RETRY_SECONDS = 5;

export function maxPendingPerUser(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.GRADER_MAX_PENDING_PER_USER);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

export class TooManyPendingError extends Error {
  override name = "TooManyPendingError";
}

/** Throws TooManyPendingError (the caller's transaction rolls back) when the user is at the limit. */
export async function assertPendingBelowLimit(tx: Transaction, userId: string, limit = maxPendingPerUser()): Promise<void> {
  const pending = await tx.submission.count({ where: { userId, status: { in: ["queued", "running"] } } });
  if (pending >= limit) throw new TooManyPendingError(`${pending} gradings pending`);
}
