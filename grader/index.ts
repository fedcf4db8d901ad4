/**
 * The grader's public API for the web app (no Next.js imports here).
 * Grading goes through a lazily created pool of worker processes, so student
 * code never runs in the caller's process. Only grading: what the app shows
 * about an exercise comes from the content manifest (lib/content/manifest.ts).
 */
import path from "node:path";
import { ExerciseFormatError, UnknownExerciseError } from "./content/load-exercise";
import { GraderBusyError, GraderJobError, GraderPool } from "./pool/pool";
import { type GradeReport, type GradeRequest, GradeRequestSchema } from "./contract/schema";

export { GraderBusyError, GraderJobError, UnknownExerciseError, ExerciseFormatError };
export type { GradeReport, GradeRequest };
export { GradeReportSchema } from "./contract/schema";
export { newGradingSeed } from "./content/hidden-tests";
/** Compiling without grading: the lab runs a student's own batch norm in the browser (lib/lab/server). */
export { compileSubmission } from "./engine/compile";
/** for other child processes that must yield to students' gradings (the instructor preview) */
export { setWorkerNice } from "./pool/worker-priority";

// One pool per process, kept on globalThis: Next.js bundles instrumentation.ts
// and the route handlers as separate module graphs, and a module-level
// variable would give each its own pool (twice the workers, twice the CPU).
const processWide = globalThis as unknown as { batchnormGraderPool?: GraderPool | null };

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function nonNegativeInt(value: string | undefined, fallback: number): number {
  return value?.trim() === "0" ? 0 : positiveInt(value, fallback);
}

function getPool(): GraderPool {
  processWide.batchnormGraderPool ??= new GraderPool({
    size: positiveInt(process.env.GRADER_WORKERS, 2),
    maxQueue: positiveInt(process.env.GRADER_MAX_QUEUE, 200),
    // The grader runs files of the checkout at run time: nothing here for the bundler to trace.
    root: path.resolve(/*turbopackIgnore: true*/ process.env.GRADER_ROOT ?? process.cwd()),
    spares: nonNegativeInt(process.env.GRADER_SPARE_WORKERS, 2),
    workerRssLimitMb: positiveInt(process.env.GRADER_WORKER_RSS_MB, 512),
    deprioritizeAfterMs: positiveInt(process.env.GRADER_DEPRIORITIZE_AFTER_MS, 60),
  });
  return processWide.batchnormGraderPool;
}

/**
 * Grades one submission in a worker process. Resolves with a report for
 * every student outcome, including infrastructure failures (status "error").
 * Rejects only for caller errors: invalid input (ZodError), an unknown
 * exercise (UnknownExerciseError) or a full queue (GraderBusyError).
 */
export async function gradeSubmission(input: GradeRequest): Promise<GradeReport> {
  const request = GradeRequestSchema.parse(input);
  return getPool().grade(request);
}

/** Stops every worker (tests, graceful shutdown). The next call starts a new pool. */
export async function shutdownGrader(): Promise<void> {
  const current = processWide.batchnormGraderPool;
  processWide.batchnormGraderPool = null;
  await current?.shutdown();
}

/** Pool statistics for monitoring and the benchmark. */
export function graderStats(): { restarts: number; peakWorkerRssMb: number; queued: number; workers: { started: number; ready: number } } | null {
  const pool = processWide.batchnormGraderPool;
  return pool ? { restarts: pool.restarts, peakWorkerRssMb: pool.peakWorkerRssMb, queued: pool.queued, workers: pool.workers } : null;
}
