/**
 * Grader host side: grades one job from the queue with today's worker pool
 * (grader/, unchanged, behind the same fair queue as in-process grading).
 *
 * Idempotent: a submission already graded (or failed for good) is left as it
 * is, and the report is stored only while the row is still unfinished, under
 * its row lock, so a job that runs twice (a host died after storing, before
 * the queue heard of it) stores one report. The report and the NOTIFY to
 * waiting web replicas commit together.
 *
 * A grading that throws (the pool's worker crashed, the host is shutting down)
 * fails the job: Graphile Worker retries it with backoff, up to MAX_ATTEMPTS,
 * then it is dead-lettered (dead-letter.ts).
 */
import "server-only";
import type { JobHelpers } from "graphile-worker";
import type { GradeReport } from "@/grader";
import { LanguageSchema, ModeSchema } from "@/grader/contract/vocabulary";
import { db } from "@/lib/db";
import { gradeFairly } from "../fair-grading";
import { storeReport } from "../store-report";
import { GRADED_CHANNEL, GradingJobSchema } from "./grading-job";

interface GradingInput {
  userId: string;
  exerciseId: string;
  code: string;
  language: string;
  mode: string;
  status: string;
}

export interface JobOutcome {
  submissionId: string;
  /** from the job's run_at (its transaction's start, so an upper bound) to this handler starting */
  pickupMs: number;
  /** when this handler started (epoch ms; the scale test joins it with the web replica's commit time) */
  startedAtMs: number;
  gradingMs: number;
  stored: boolean;
}

/**
 * The job's submission through batchnorm_grading_input() (scripts/db/grader-role.ts): a
 * grader host's role cannot read the Submission table's code column, only the code of a
 * submission whose job is locked in the queue right now.
 */
async function readInput(submissionId: string): Promise<GradingInput | null> {
  const rows = await db.$queryRaw<GradingInput[]>`SELECT * FROM batchnorm_grading_input(${submissionId})`;
  return rows[0] ?? null;
}

export async function gradeJob(payload: unknown, helpers: Pick<JobHelpers, "job">): Promise<JobOutcome> {
  const startedAtMs = Date.now();
  const pickupMs = startedAtMs - new Date(helpers.job.run_at).getTime();
  const job = GradingJobSchema.parse(payload);
  const id = job.submissionId;
  const input = await readInput(id);
  if (!input || input.status === "graded" || input.status === "error") return { submissionId: id, pickupMs, startedAtMs, gradingMs: 0, stored: false };
  await db.submission.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { status: "running", startedAt: new Date() } });
  const started = performance.now();
  const report: GradeReport = await gradeFairly(
    { userId: input.userId, ...(job.address ? { address: job.address } : {}) },
    {
      exerciseId: input.exerciseId,
      code: input.code,
      language: LanguageSchema.parse(input.language),
      mode: ModeSchema.parse(input.mode),
      seed: job.seed,
    },
  );
  const gradingMs = performance.now() - started;
  const key = { id, userId: input.userId, exerciseId: input.exerciseId, isSubmit: input.mode === "submit" };
  const stored = await storeReport(key, report, gradingMs, {
    onlyIfUnfinished: true,
    afterWrite: (tx) => tx.$queryRaw`SELECT pg_notify(${GRADED_CHANNEL}, ${id})::text AS sent`,
  });
  return { submissionId: id, pickupMs, startedAtMs, gradingMs, stored };
}
