/**
 * The process-wide fair queue in front of the grader pool (fair-queue.ts),
 * sized from the pool's settings, charging the CPU-time budgets.
 */
import "server-only";
import { type GradeReport, type GradeRequest, gradeSubmission } from "@/grader";
import { gradingBudget } from "@/lib/rate-limit/grading-budget";
import { FairQueue, type Owner } from "./fair-queue";
import { positiveInt } from "@/lib/config/positive-int";

function poolSettings(): { workers: number; spares: number } {
  const workers = positiveInt(process.env.GRADER_WORKERS, 2);
  const spares = process.env.GRADER_SPARE_WORKERS?.trim() === "0" ? 0 : positiveInt(process.env.GRADER_SPARE_WORKERS, 2);
  return { workers, spares };
}

/**
 * How many gradings the fair queue lets run at once (the pool grows to size +
 * spares + 2 while slow gradings run). A grader host takes this many jobs from
 * the queue, so a slow grading leaves the fast workers to the others here
 * too, instead of blocking a job slot until its time limit.
 */
export function gradingsInFlight(): number {
  const { workers, spares } = poolSettings();
  return workers + spares + 2;
}

function createQueue(): FairQueue {
  const { workers, spares } = poolSettings();
  return new FairQueue(
    {
      perUser: positiveInt(process.env.GRADER_PER_USER, 1),
      fast: workers,
      // the pool grows to size + spares + 2 processes while slow gradings run
      maxInFlight: gradingsInFlight(),
      maxHeavy: Math.max(1, spares),
      slowAfterMs: positiveInt(process.env.GRADER_DEPRIORITIZE_AFTER_MS, 60),
      heavyAfterMs: 500,
      halfLifeMs: 30_000,
      maxWaiting: positiveInt(process.env.GRADER_MAX_QUEUE, 200),
      maxWaitingPerUser: positiveInt(process.env.GRADER_MAX_WAITING_PER_USER, 5),
    },
    (owner, ms) => {
      if (processWide.batchnormChargeBudgets === false) return;
      if (owner.background) return; // a regrade is the instructor's, not a student's, grading time
      gradingBudget()
        .charge(owner.userId, owner.address, ms)
        .catch(() => {});
    },
  );
}

const processWide = globalThis as unknown as { batchnormFairQueue?: FairQueue; batchnormChargeBudgets?: boolean };

/**
 * A grader host holds no right to the budgets' table: the web replica that
 * waits for the result charges the grading's time instead (queue-dispatcher.ts).
 */
export function stopChargingBudgets(): void {
  processWide.batchnormChargeBudgets = false;
}

/** Grades in this user's turn (GraderBusyError when too many of theirs wait). */
export function gradeFairly(owner: Owner, request: GradeRequest): Promise<GradeReport> {
  processWide.batchnormFairQueue ??= createQueue();
  // Cost = the grading's own time in the worker (not time spent waiting for one).
  return processWide.batchnormFairQueue.run(owner, () => gradeSubmission(request), (report) => report.timings.totalMs);
}

/** A regrade's grading: after every waiting student grading, one at a time (fair-queue.ts). */
export function gradeInBackground(jobId: string, request: GradeRequest): Promise<GradeReport> {
  return gradeFairly({ userId: `regrade:${jobId}`, background: true }, request);
}
