/**
 * A grading job on the PostgreSQL queue (Graphile Worker): what a grader host
 * needs to grade one stored submission, and the task name that routes it to a
 * host with the same content.
 */
import { z } from "zod";

export const GradingJobSchema = z.object({
  submissionId: z.string().min(1).max(64),
  exerciseId: z.string().min(1).max(100),
  /** exerciseContentHash() on the web replica; null when content is not hashed (then any host takes it) */
  contentHash: z.string().regex(/^[0-9a-f]{16,64}$/).nullable(),
  /** the submission's hidden-test seed (also stored with it; regrades reuse it) */
  seed: z.string().min(1).max(128),
  /** the submitter's client address, so a host's fair queue takes addresses in turn (fair-turns.ts) as the embedded one does */
  address: z.string().min(1).max(100).optional(),
});
export type GradingJob = z.infer<typeof GradingJobSchema>;

/**
 * A regrade's grading (lib/regrade/queue-regrade.ts): one stale submit graded
 * against the current content, its report staged on the RegradeResult row, not
 * on the submission. Same task (exercise + content hash) as a student's
 * grading, at background priority (REGRADE_PRIORITY).
 */
export const RegradeGradingJobSchema = z.object({
  kind: z.literal("regrade"),
  regradeJobId: z.string().min(1).max(64),
  regradeResultId: z.string().min(1).max(64),
  submissionId: z.string().min(1).max(64),
  exerciseId: z.string().min(1).max(100),
  contentHash: z.string().regex(/^[0-9a-f]{16,64}$/).nullable(),
  seed: z.string().min(1).max(128),
});
export type RegradeGradingJob = z.infer<typeof RegradeGradingJobSchema>;

/** Graphile Worker runs lower numbers first; students' gradings have priority 0, so every waiting one goes before a regrade's. */
export const REGRADE_PRIORITY = 10;

/** The queue key of a regrade grading (batchnorm_grading_input() lets the host read that submission's code while it is locked). */
export function regradeJobKey(submissionId: string, regradeJobId: string): string {
  return `regrade:${submissionId}:${regradeJobId}`;
}

/** Jobs that keep failing (a crashed worker, a host killed mid-grading) stop here: dead-letter. */
export const MAX_ATTEMPTS = 3;

/**
 * Graphile Worker only hands a worker jobs whose task identifier it registered,
 * so the identifier carries the exercise and its content hash: a host registers
 * one task per exercise it has, under that exercise's hash.
 */
export function taskIdentifier(exerciseId: string, contentHash: string | null): string {
  return contentHash ? `grade:${exerciseId}:${contentHash.slice(0, 16)}` : `grade:${exerciseId}`;
}

/** NOTIFY channel on which a grader host announces a finished submission (payload: its id). */
export const GRADED_CHANNEL = "batchnorm_graded";
