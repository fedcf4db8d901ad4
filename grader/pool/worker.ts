/**
 * A grading worker process (forked by pool.ts with `--import tsx
 * --no-node-snapshot`). Keeps exercises loaded and reference/mistake outputs
 * cached between jobs. Runs one job at a time; the sandbox blocks this
 * process while student code runs, which is fine: the parent enforces the
 * hard deadline by killing this process and starting a fresh one.
 */
import { gradeInProcess } from "../engine/grade";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ExerciseFormatError, listExerciseFolders, loadExercise, UnknownExerciseError } from "../content/load-exercise";
import type { FromWorker } from "./worker-protocol";
import { ToWorkerSchema } from "./worker-protocol";

function send(message: FromWorker): void {
  process.send?.(message);
}

function failureReason(e: unknown): "unknown-exercise" | "exercise-format" | "internal" {
  if (e instanceof UnknownExerciseError) return "unknown-exercise";
  if (e instanceof ExerciseFormatError) return "exercise-format";
  return "internal";
}

async function handle(raw: unknown): Promise<void> {
  const parsed = ToWorkerSchema.safeParse(raw);
  if (!parsed.success) return;
  const msg = parsed.data;
  try {
    const { exerciseId, code, language, mode, seed } = msg.request;
    const exercise = await loadExercise(exerciseId);
    send({ type: "started", jobId: msg.jobId, deadlineMs: exercise.spec.limits.totalTimeoutMs });
    const report = await gradeInProcess(exercise, code, language, mode, {
      seed,
      onPlan: (tests) => send({ type: "plan", jobId: msg.jobId, tests }),
      onTestResult: (index, result) => send({ type: "result", jobId: msg.jobId, index, result }),
    });
    send({ type: "report", jobId: msg.jobId, report, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  } catch (e) {
    send({ type: "failure", jobId: msg.jobId, reason: failureReason(e), message: e instanceof Error ? e.message : String(e) });
  }
}

// Jobs arrive one at a time (the pool never sends a second before the first
// answers), but chain them anyway so ordering holds if that ever changes.
let queue = Promise.resolve();
process.on("message", (raw) => {
  queue = queue.then(() => handle(raw));
});
process.on("disconnect", () => process.exit(0));
/**
 * Loads every exercise and grades each reference once before saying "ready":
 * reference outputs get cached and the harness is compiled and JIT-warm, so
 * the first student grading on this worker (often right after a killed
 * worker was replaced) is as fast as any other.
 */
async function warmUp(): Promise<void> {
  for (const id of await listExerciseFolders().catch(() => [])) {
    try {
      const exercise = await loadExercise(id);
      const reference = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
      await gradeInProcess(exercise, reference, "typescript", "submit");
    } catch {
      // A broken exercise is reported when a student grades it, not here.
    }
  }
}

if (process.argv.includes("--no-warm-up")) send({ type: "ready" });
else warmUp().finally(() => send({ type: "ready" }));
