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
});
export type GradingJob = z.infer<typeof GradingJobSchema>;

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
