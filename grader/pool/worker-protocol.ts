/**
 * Messages between the pool (parent) and a grading worker process. Each side
 * validates what it receives: a worker that misbehaves is treated as crashed.
 */
import { z } from "zod";
import { GradeReportSchema, GradeRequestSchema, TestResultSchema } from "../contract/schema";

export const ToWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("grade"), jobId: z.number().int(), request: GradeRequestSchema }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const FromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  /** the sandbox is about to run: the parent's hard deadline starts now */
  z.object({ type: z.literal("started"), jobId: z.number().int(), deadlineMs: z.number().positive() }),
  /** the job's tests, then each test's result as it completes: kept by the pool in case it must kill the worker */
  z.object({ type: z.literal("plan"), jobId: z.number().int(), tests: z.array(TestResultSchema).max(500) }),
  z.object({ type: z.literal("result"), jobId: z.number().int(), index: z.number().int().nonnegative(), result: TestResultSchema }),
  z.object({ type: z.literal("report"), jobId: z.number().int(), report: GradeReportSchema, maxRssMb: z.number() }),
  z.object({
    type: z.literal("failure"),
    jobId: z.number().int(),
    reason: z.enum(["unknown-exercise", "exercise-format", "internal"]),
    message: z.string(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
