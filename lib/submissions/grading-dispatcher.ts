/**
 * How a stored submission gets graded — one interface, two implementations:
 *
 * - in-process (the embedded default, SQLite): this server grades it in its own
 *   worker pool (grade-submission.ts), exactly as before the queue existed;
 * - queue (PostgreSQL): the job is enqueued in the transaction that stores the
 *   submission, grader hosts (`npm run grader`) grade it, and this web replica
 *   waits for the result by notification.
 *
 * GRADING_MODE=in-process|queue overrides the choice (a single server on
 * PostgreSQL without grader hosts can grade in-process).
 */
import "server-only";
import { databaseProvider } from "@/lib/database-url";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gradingBudget } from "@/lib/rate-limit/grading-budget";
import { db } from "@/lib/db";
import { gradeStoredSubmission } from "./grade-submission";
import { exerciseContentHash } from "./queue/content-hash";
import { enqueueGrading } from "./queue/enqueue";
import { gradedNotifications } from "./queue/graded-notifications";
import { SubmissionError } from "./submission-error";
import { positiveInt } from "@/lib/config/positive-int";

export interface NewGrading {
  submissionId: string;
  exerciseId: string;
  seed: string;
  /** the submitter's client address (fair turns by address on the grader host) */
  address?: string;
}

export interface GradingDispatcher {
  readonly mode: "in-process" | "queue";
  /** Work to do before the store transaction (nothing that needs the row). */
  prepare(exerciseId: string): Promise<{ contentHash: string | null }>;
  /** Inside the transaction that stores the submission. */
  enqueue(tx: Prisma.TransactionClient, grading: NewGrading, prepared: { contentHash: string | null }): Promise<void>;
  /**
   * After the commit, or for a repeated request: returns once the submission is
   * graded; throws SubmissionError "busy" (503 + id, poll or repeat) when it is not done in time.
   */
  settle(submissionId: string, submitter: { userId: string; address?: string }, firstRequest: boolean): Promise<void>;
}

const inProcess: GradingDispatcher = {
  mode: "in-process",
  prepare: async () => ({ contentHash: null }),
  enqueue: async () => {},
  settle: (id, submitter, firstRequest) => gradeStoredSubmission(id, firstRequest ? submitter.address : undefined),
};

export const QUEUE_RETRY_SECONDS = 2;

const queue: GradingDispatcher = {
  mode: "queue",
  prepare: async (exerciseId) => ({ contentHash: await exerciseContentHash(exerciseId) }),
  enqueue: (tx, grading, prepared) => enqueueGrading(tx, { ...grading, contentHash: prepared.contentHash }),
  async settle(id, submitter, firstRequest) {
    // the scale test measures job pickup from here (commit) to a grader host's handler start
    if (firstRequest && process.env.GRADING_METRICS === "1") console.log(JSON.stringify({ event: "committed", id, atMs: Date.now() }));
    const waitMs = positiveInt(process.env.SUBMIT_WAIT_MS, 10_000);
    if (!(await gradedNotifications().waitFor(id, waitMs))) {
      throw new SubmissionError("busy", "The graders are busy. Your submission is saved and will be graded in a few seconds.", {
        retryAfterSeconds: QUEUE_RETRY_SECONDS,
        submissionId: id,
      });
    }
    if (!firstRequest) return;
    // grader hosts hold no right to the budgets: the replica that accepted the submission charges its time
    const row = await db.submission.findUnique({ where: { id }, select: { gradingMs: true } });
    if (row?.gradingMs) await gradingBudget().charge(submitter.userId, submitter.address, row.gradingMs).catch(() => {});
  },
};

export function gradingMode(): "in-process" | "queue" {
  const chosen = process.env.GRADING_MODE?.trim();
  if (chosen === "in-process" || chosen === "queue") return chosen;
  return databaseProvider() === "postgresql" ? "queue" : "in-process";
}

export function gradingDispatcher(): GradingDispatcher {
  return gradingMode() === "queue" ? queue : inProcess;
}
