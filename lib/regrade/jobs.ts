/**
 * Regrade jobs (persisted in RegradeJob/RegradeResult, so a restart resumes
 * them): start → running → staged (every submission regraded, nothing changed
 * yet) → applied (the new reports replace the old ones, all in one
 * transaction, so dashboards switch at once) or discarded. A running job can
 * be paused (cancel) and resumed. Results are staged rather than written as
 * they come so an instructor sees what changed before any student does.
 */
import "server-only";
import { db } from "@/lib/db";
import { GradeReportSchema } from "@/grader";
import { writeReport } from "@/lib/submissions/store-report";
import { staleSubmitsWhere } from "./stale";

export type RegradeStatus = "running" | "paused" | "staged" | "applied" | "discarded";
const ACTIVE: RegradeStatus[] = ["running", "paused", "staged"];

export class RegradeStateError extends Error {
  override name = "RegradeStateError";
}

/** The exercise's open job (running, paused or staged), if any. */
export function activeJob(exerciseId: string) {
  return db.regradeJob.findFirst({ where: { exerciseId, status: { in: ACTIVE } }, orderBy: { createdAt: "desc" } });
}

export function latestJob(exerciseId: string) {
  return db.regradeJob.findFirst({ where: { exerciseId }, orderBy: { createdAt: "desc" } });
}

/**
 * Snapshots the stale submits (with their current verdict and score) as
 * pending results of a new job; returns the open job instead if there is one.
 */
export async function startRegrade(exerciseId: string, contentHash: string, createdById: string | null) {
  return db.$transaction(async (tx) => {
    const open = await tx.regradeJob.findFirst({ where: { exerciseId, status: { in: ACTIVE } } });
    if (open) return open;
    const stale = await tx.submission.findMany({
      where: staleSubmitsWhere(exerciseId, contentHash),
      select: { id: true, userId: true, verdict: true, score: true },
      orderBy: { createdAt: "asc" },
    });
    const job = await tx.regradeJob.create({
      data: { exerciseId, contentHash, createdById, status: stale.length ? "running" : "staged", total: stale.length },
    });
    await tx.regradeResult.createMany({
      data: stale.map((s) => ({ jobId: job.id, submissionId: s.id, userId: s.userId, status: "pending", oldVerdict: s.verdict, oldScore: s.score })),
    });
    return job;
  });
}

async function transition(jobId: string, from: RegradeStatus[], to: RegradeStatus): Promise<void> {
  const changed = await db.regradeJob.updateMany({ where: { id: jobId, status: { in: from } }, data: { status: to } });
  if (changed.count !== 1) throw new RegradeStateError(`the regrade is not ${from.join(" or ")}`);
}

/** Cancel: the runner stops after the grading it is doing; what was regraded stays staged. */
export const pauseRegrade = (jobId: string) => transition(jobId, ["running"], "paused");
export const resumeRegrade = (jobId: string) => transition(jobId, ["paused"], "running");
export const discardRegrade = (jobId: string) => transition(jobId, ["running", "paused", "staged"], "discarded");

/**
 * Writes every regraded report onto its submission (tests, misconceptions,
 * content hash, the dashboards' tallies) in one transaction. Results that
 * failed to grade leave their submission as it was (still stale).
 */
export async function applyRegrade(jobId: string): Promise<{ applied: number }> {
  const job = await db.regradeJob.findUnique({ where: { id: jobId } });
  if (job?.status !== "staged") throw new RegradeStateError("only a finished regrade can be applied");
  const results = await db.regradeResult.findMany({
    where: { jobId, status: "graded" },
    include: { submission: { select: { userId: true, exerciseId: true, mode: true } } },
  });
  await db.$transaction(
    async (tx) => {
      const claimed = await tx.regradeJob.updateMany({ where: { id: jobId, status: "staged" }, data: { status: "applied", finishedAt: new Date() } });
      if (claimed.count !== 1) throw new RegradeStateError("the regrade was applied or discarded meanwhile");
      for (const r of results) {
        const report = GradeReportSchema.parse(JSON.parse(r.report ?? "null"));
        const key = { id: r.submissionId, userId: r.submission.userId, exerciseId: r.submission.exerciseId, isSubmit: r.submission.mode === "submit" };
        await writeReport(tx, key, report, r.gradingMs ?? report.timings.totalMs);
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { applied: results.length };
}

export interface RegradeProgress {
  id: string;
  exerciseId: string;
  status: RegradeStatus;
  contentHash: string;
  total: number;
  done: number;
  errors: number;
  createdAt: Date;
}

export async function regradeProgress(job: { id: string; exerciseId: string; status: string; contentHash: string; total: number; createdAt: Date }): Promise<RegradeProgress> {
  const counts = await db.regradeResult.groupBy({ by: ["status"], where: { jobId: job.id }, _count: { _all: true } });
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    id: job.id,
    exerciseId: job.exerciseId,
    status: job.status as RegradeStatus,
    contentHash: job.contentHash,
    total: job.total,
    done: count("graded") + count("error"),
    errors: count("error"),
    createdAt: job.createdAt,
  };
}
