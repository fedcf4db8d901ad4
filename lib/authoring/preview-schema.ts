/**
 * The instructor's preview of one exercise, computed by
 * scripts/exercise-preview.ts (the checker's own code, in a child process)
 * and cached per content hash. It holds hidden inputs, expected values and
 * hints: server-only, shown to authenticated instructors and never written
 * into the public manifest.
 */
import { z } from "zod";
import { GradeReportSchema } from "@/grader/contract/schema";

export const AuthorRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  visibility: z.enum(["public", "hidden"]),
  points: z.number(),
  inputs: z.unknown(),
  expected: z.unknown(),
  hint: z.string().nullable(),
  status: z.string(),
  message: z.string(),
});
export type AuthorRow = z.infer<typeof AuthorRowSchema>;

export const MistakeVerdictSchema = z.object({
  id: z.string(),
  message: z.string(),
  lesson: z.string(),
  /** hidden tests that fail it (on any seed) */
  caughtBy: z.array(z.string()),
  publicFailures: z.array(z.string()),
  caughtOnSeeds: z.number(),
  /** its own misconception named on every seed */
  recognised: z.boolean(),
  /** misconception id → seeds on which grading this mistake named it */
  named: z.record(z.string(), z.number()),
});
export type MistakeVerdict = z.infer<typeof MistakeVerdictSchema>;

export const ExercisePreviewSchema = z.object({
  exerciseId: z.string(),
  contentHash: z.string(),
  /** the grading seed of the reference's run and of pasted solutions (hidden inputs follow it) */
  seed: z.string(),
  /** how many grading seeds the mistakes were graded on (the checker's seeds) */
  seeds: z.number(),
  referencePassed: z.boolean(),
  starterFailed: z.boolean(),
  referenceReport: GradeReportSchema,
  referenceGradeMs: z.number(),
  tests: z.array(AuthorRowSchema),
  mistakes: z.array(MistakeVerdictSchema),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  computedMs: z.number(),
});
export type ExercisePreview = z.infer<typeof ExercisePreviewSchema>;
