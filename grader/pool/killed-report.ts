/**
 * The report of a grading whose worker had to be killed part-way (deadline
 * or memory: V8 could not stop the student's code in time). The worker
 * streamed the list of tests and each finished test's result before it died,
 * so the tests that completed keep their verdicts; the test that was running
 * is marked with the cause and the rest as not run — the same shape as when
 * the sandbox itself stops a test.
 */
import { infraMessage, type InfraCause } from "../engine/infrastructure-report";
import { FIXED_CAPS, type FailureCategory, type GradeReport, type GradeRequest, HIDDEN_MESSAGES, type Limits, type TestResult } from "../contract/schema";

export interface StreamedProgress {
  /** every executed test, as "not run", in order */
  plan: TestResult[];
  /** results of the tests that completed, by index */
  done: Map<number, TestResult>;
}

/** Causes that are the student's code's doing: the verdict is theirs, with partial credit. */
export function isStudentCause(cause: InfraCause): cause is "deadline" | "memory" {
  return cause === "deadline" || cause === "memory";
}

export function killedReport(request: GradeRequest, limits: Limits, cause: "deadline" | "memory", progress: StreamedProgress): GradeReport {
  const running = progress.plan.findIndex((_, i) => !progress.done.has(i));
  const runningName = running >= 0 ? progress.plan[running].name : null;
  const category: FailureCategory = cause === "memory" ? "out-of-memory" : "timed-out";
  const message = infraMessage(cause, limits);
  const tests = progress.plan.map((entry, i): TestResult => {
    const finished = progress.done.get(i);
    if (finished) return finished;
    if (i === running) return marked(entry, cause === "memory" ? "error" : "timeout", category, message);
    const skipped = `Not run: test "${runningName}" ${cause === "memory" ? "exceeded the memory limit" : "timed out"}, so the remaining tests were skipped.`;
    return marked(entry, "error", "not-run", skipped);
  });
  const max = tests.reduce((s, t) => s + t.maxPoints, 0);
  const got = tests.reduce((s, t) => s + t.points, 0);
  const passed = tests.filter((t) => t.status === "passed").length;
  return {
    version: 1,
    exerciseId: request.exerciseId,
    mode: request.mode,
    status: "failed",
    score: max === 0 ? 0 : Math.min(1, got / max),
    summary: `${passed} of ${tests.length} tests passed. ${message}`,
    tests,
    misconceptions: [],
    compileErrors: [],
    console: [],
    limits: { ...limits, ...FIXED_CAPS },
    timings: { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 0 },
  };
}

function marked(entry: TestResult, status: TestResult["status"], failure: FailureCategory, message: string): TestResult {
  if (entry.visibility === "hidden") return { ...entry, status, points: 0, failure, message: HIDDEN_MESSAGES[failure] };
  return { ...entry, status, points: 0, failure, message };
}
