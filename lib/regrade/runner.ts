/**
 * Runs a regrade job in this process: one submission at a time, each through
 * the fair queue as a background grading (students' gradings go first), with
 * the submission's own code, language, mode and hidden seed — so only the
 * content differs. Stops when the job is paused or discarded (checked before
 * every grading); resumeRegrades() picks running jobs up after a restart.
 *
 * On the PostgreSQL queue (GRADING_MODE=queue) the gradings go to the grader
 * hosts instead, as durable background jobs (queue-regrade.ts): a web replica
 * grades nothing.
 */
import "server-only";
import { type GradeReport, type GradeRequest, GraderBusyError, newGradingSeed } from "@/grader";
import { db } from "@/lib/db";
import { gradeInBackground } from "@/lib/submissions/fair-grading";
import { gradingMode } from "@/lib/submissions/grading-dispatcher";
import { runQueuedRegrade } from "./queue-regrade";

export type BackgroundGrade = (jobId: string, request: GradeRequest) => Promise<GradeReport>;

const BUSY_PAUSE_MS = 2_000;
const processWide = globalThis as unknown as { batchnormRegrades?: Map<string, Promise<void>> };
const running = (processWide.batchnormRegrades ??= new Map());

/** Starts (or joins) this process's runner for a job; resolves when it stops. */
export function runRegrade(jobId: string, grade?: BackgroundGrade): Promise<void> {
  if (!grade && gradingMode() === "queue") return runQueuedRegrade(jobId, { wait: true });
  let runner = running.get(jobId);
  if (!runner) {
    runner = loop(jobId, grade ?? gradeInBackground).finally(() => running.delete(jobId));
    running.set(jobId, runner);
  }
  return runner;
}

async function loop(jobId: string, grade: BackgroundGrade): Promise<void> {
  for (;;) {
    const job = await db.regradeJob.findUnique({ where: { id: jobId }, select: { status: true } });
    if (job?.status !== "running") return;
    const next = await db.regradeResult.findFirst({ where: { jobId, status: "pending" }, orderBy: { id: "asc" }, select: { id: true, submissionId: true } });
    if (!next) {
      await db.regradeJob.updateMany({ where: { id: jobId, status: "running" }, data: { status: "staged" } });
      return;
    }
    await regradeOne(jobId, next, grade);
  }
}

async function regradeOne(jobId: string, result: { id: string; submissionId: string }, grade: BackgroundGrade): Promise<void> {
  const claimed = await db.regradeResult.updateMany({ where: { id: result.id, status: "pending" }, data: { status: "running" } });
  if (claimed.count !== 1) return;
  const sub = await db.submission.findUniqueOrThrow({ where: { id: result.submissionId } });
  // a row from before per-submission seeds gets one now, so this regrade and any later one agree
  const seed = sub.hiddenSeed ?? (await db.submission.update({ where: { id: sub.id }, data: { hiddenSeed: newGradingSeed() } })).hiddenSeed ?? undefined;
  const started = performance.now();
  try {
    const report = await grade(jobId, {
      exerciseId: sub.exerciseId,
      code: sub.code,
      language: sub.language as GradeRequest["language"],
      mode: sub.mode as GradeRequest["mode"],
      seed,
    });
    // not a verdict on the code: applying it would replace a real report with "please try again"
    if (report.infrastructureFailure) throw new Error(report.summary);
    await db.regradeResult.update({
      where: { id: result.id },
      data: { status: "graded", newVerdict: report.status, newScore: report.score, report: JSON.stringify(report), gradingMs: performance.now() - started },
    });
  } catch (e) {
    if (e instanceof GraderBusyError) {
      // students fill the queue: put it back and wait for a quieter moment
      await db.regradeResult.update({ where: { id: result.id }, data: { status: "pending" } });
      await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
      return;
    }
    console.error(`Regrading submission ${sub.id} failed:`, e);
    await db.regradeResult.update({ where: { id: result.id }, data: { status: "error" } });
  }
}

/** After a restart: results a dead process was grading go back to pending, and every running job resumes here. */
export async function resumeRegrades(grade: BackgroundGrade = gradeInBackground): Promise<{ resumed: number }> {
  const jobs = await db.regradeJob.findMany({ where: { status: "running" }, select: { id: true } });
  for (const { id } of jobs) {
    if (running.has(id)) continue;
    await db.regradeResult.updateMany({ where: { jobId: id, status: "running" }, data: { status: "pending" } });
    runRegrade(id, grade).catch((e) => console.error(`Regrade ${id} stopped:`, e));
  }
  return { resumed: jobs.length };
}
