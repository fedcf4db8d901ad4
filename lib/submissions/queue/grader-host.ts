/**
 * A grader host: pulls grading jobs from the PostgreSQL queue (Graphile
 * Worker, woken by LISTEN/NOTIFY) and grades them in this process's worker
 * pool (grader/, unchanged). It registers one task per exercise it has, under
 * that exercise's content hash, so jobs for content it does not have are left
 * for a host that has it. It renews a lease on its locked jobs and reclaims
 * the jobs of hosts whose lease expired, and dead-letters exhausted jobs.
 * Regrade gradings (regrade-job.ts) come through the same tasks at a lower
 * priority.
 */
import "server-only";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { Logger, type Runner, run, type Task, type TaskList, type WorkerEvents } from "graphile-worker";
import { gradeSubmission, shutdownGrader } from "@/grader";
import { findExercise } from "@/lib/content/manifest";
import { databaseUrl } from "@/lib/database-url";
import { stopChargingBudgets } from "../fair-grading";
import { contentOfThisHost } from "./content-hash";
import { markDeadLetters } from "./dead-letter";
import { type JobOutcome, gradeJob } from "./grade-job";
import { RegradeGradingJobSchema, taskIdentifier } from "./grading-job";
import { reclaimExpiredLeases, releaseLease, renewLease } from "./leases";
import { regradeJob } from "./regrade-job";

export interface GraderHostOptions {
  /** jobs taken from the queue at once */
  concurrency: number;
  /** worker processes to start before taking jobs (default: concurrency) */
  warmWorkers?: number;
  /** called after each job (the scale test reads pickup latencies from it) */
  onJob?: (outcome: JobOutcome) => void;
  /** exercises to serve with the hash to serve them under (default: the content manifest's, content-hash.ts) */
  content?: Record<string, string | null>;
}

export interface GraderHost {
  stop(): Promise<void>;
  tasks: string[];
}

// Graphile Worker logs every job at info level; a host logs only what needs attention.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[grader host] ${level}: ${message}`);
});

/**
 * Starts the worker processes before taking jobs (a cold worker takes seconds
 * to start on a busy machine): one practice grading of a starter per worker.
 */
async function warmUp(exerciseIds: string[], workers: number): Promise<void> {
  if (exerciseIds.length === 0) return;
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      const id = exerciseIds[i % exerciseIds.length];
      const starter = (await findExercise(id))?.starters.typescript;
      if (starter !== undefined) await gradeSubmission({ exerciseId: id, code: starter, language: "typescript", mode: "run" }).catch(() => {});
    }),
  );
}

export async function startGraderHost(options: GraderHostOptions): Promise<GraderHost> {
  stopChargingBudgets();
  const content = options.content ?? (await contentOfThisHost());
  const task: Task = async (payload, helpers) => {
    const regrade = RegradeGradingJobSchema.safeParse(payload);
    if (regrade.success) {
      await regradeJob(regrade.data, helpers);
      return;
    }
    const outcome = await gradeJob(payload, helpers);
    options.onJob?.(outcome);
  };
  const taskList: TaskList = {};
  for (const [exerciseId, hash] of Object.entries(content)) taskList[taskIdentifier(exerciseId, hash)] = task;

  await warmUp(Object.keys(content), options.warmWorkers ?? options.concurrency);
  const hostId = `${hostname()}:${process.pid}`;
  const workerIds = new Set<string>();
  // attached before run() so the pool's id (what its jobs are locked by) is never missed
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => workerIds.add(workerPool.id));
  const runner: Runner = await run({
    events,
    connectionString: databaseUrl(),
    concurrency: options.concurrency,
    // LISTEN/NOTIFY wakes idle workers at once; polling only finds retries whose backoff ended
    pollInterval: 1000,
    noHandleSignals: true,
    logger: quietLogger,
    taskList,
  });

  let stopping = false;
  const tick = async () => {
    for (const id of workerIds) await renewLease(id, hostId);
    await reclaimExpiredLeases();
    await markDeadLetters();
  };
  // one upkeep at a time: on a loaded machine a tick can outlast the interval, and stop() must wait
  // for the one in flight, or its renewal would re-create a lease after stop() released it
  let upkeep: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (stopping || upkeep) return;
    upkeep = tick()
      .catch((e) => console.error("[grader host] lease upkeep failed:", e instanceof Error ? e.message : e))
      .finally(() => {
        upkeep = null;
      });
  }, 1000);
  await tick();

  return {
    tasks: Object.keys(taskList),
    async stop() {
      stopping = true;
      clearInterval(timer);
      await upkeep;
      await runner.stop();
      for (const id of workerIds) await releaseLease(id).catch(() => {});
      await shutdownGrader();
    },
  };
}
