/**
 * Messages between the pool (parent) and a grading worker process. Each side
 * validates what it receives: a worker that misbehaves is treated as crashed.
 */
import { z } from "zod";
import { GradeReportSchema, GradeRequestSchema } from "./schema";

export const ToWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("grade"), jobId: z.number().int(), request: GradeRequestSchema }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const FromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  /** the sandbox is about to run: the parent's hard deadline starts now */
  z.object({ type: z.literal("started"), jobId: z.number().int(), deadlineMs: z.number().positive() }),
  z.object({ type: z.literal("report"), jobId: z.number().int(), report: GradeReportSchema, maxRssMb: z.number() }),
  z.object({
    type: z.literal("failure"),
    jobId: z.number().int(),
    reason: z.enum(["unknown-exercise", "exercise-format", "internal"]),
    message: z.string(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
