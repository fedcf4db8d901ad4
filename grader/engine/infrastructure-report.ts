/** The reports a grading gets when its worker had to be stopped (not the student's code's verdict). */
import { FIXED_CAPS, type GradeReport, type GradeRequest } from "../contract/schema";

/** Why a job's worker was lost: killed at the deadline, aborted on out-of-memory, or another crash. */
export type InfraCause = "deadline" | "load-timeout" | "memory" | "crash";

/** What the student reads when the worker running their code had to be stopped. */
export function infraMessage(cause: InfraCause, limits: { memoryMb: number; totalTimeoutMs: number }): string {
  switch (cause) {
    case "memory":
      return `Grading stopped: your code exceeded the memory limit of ${limits.memoryMb} MB and crashed the grading process. Avoid huge arrays or strings.`;
    case "deadline":
      return `Grading stopped: your code did not finish within the grading deadline of ${limits.totalTimeoutMs} ms and could not be interrupted (for example a huge Array(…).fill). It also may have exceeded the memory limit of ${limits.memoryMb} MB.`;
    case "load-timeout":
      return "Grading failed: the grader took too long to start. This is not your fault; please try again.";
    case "crash":
      return `Grading stopped: the grading process crashed while running your code (most often because the memory limit of ${limits.memoryMb} MB was exceeded). Please check your code and try again.`;
  }
}

/** An "error" report for a grading the worker could not finish (not the student's fault unless said so). */
export function infrastructureReport(request: GradeRequest, limits: GradeReport["limits"] | Omit<GradeReport["limits"], keyof typeof FIXED_CAPS>, message: string): GradeReport {
  return {
    version: 1,
    exerciseId: request.exerciseId,
    mode: request.mode,
    status: "error",
    score: 0,
    infrastructureFailure: true,
    summary: message,
    tests: [],
    misconceptions: [],
    compileErrors: [],
    console: [],
    limits: { ...limits, ...FIXED_CAPS },
    timings: { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 0 },
  };
}
