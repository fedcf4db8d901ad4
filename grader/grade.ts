/**
 * gradeInProcess(exercise, code, language, mode, { seed }) → GradeReport.
 * Compiles the student's code, runs it once in a fresh isolate against the
 * executed tests (public only for "run", all for "submit"; hidden inputs drawn
 * from the grading seed, see hidden-tests.ts), compares every copied-out value
 * with the reference's (computed in the host, cached per test object), and
 * explains failures with known mistakes. Uses the sandbox directly, in this process: the web app
 * goes through the worker pool (index.ts), the checker and tests call this.
 */
import { compileSubmission, missingExportError } from "./compile";
import { EnvelopeSchema } from "./envelope";
import type { LoadedExercise } from "./load-exercise";
import { bestExplanations, matchMistakes, trustedOutcome } from "./misconceptions";
import { runInSandbox, type SandboxTest } from "./sandbox";
import {
  type CompileError,
  type FailureCategory,
  FIXED_CAPS,
  type GradeReport,
  GradeReportSchema,
  type Language,
  type ReportLimits,
  type ResolvedTest,
  type TestResult,
} from "./schema";
import { executedTests, type Mode, newGradingSeed } from "./hidden-tests";
import { describeThrow, testResult, verdictFor } from "./test-verdict";

export type { Mode };
export { executedTests };

export interface GradeOptions {
  /** seeds the hidden tests' inputs; default: a fresh random seed for this grading */
  seed?: string;
}

const MAX_TOTAL_RESULT_BYTES = 4_000_000;

const payloadCache = new WeakMap<ResolvedTest, string>();
function payload(test: ResolvedTest): string {
  let json = payloadCache.get(test);
  if (json === undefined) {
    json = JSON.stringify(test.kind === "call" ? test.args : test.steps);
    payloadCache.set(test, json);
  }
  return json;
}

export function reportLimits(exercise: LoadedExercise): ReportLimits {
  return { ...exercise.spec.limits, ...FIXED_CAPS };
}

interface ReportParts {
  status: GradeReport["status"];
  summary: string;
  tests: TestResult[];
  compileErrors?: CompileError[];
  console?: string[];
  misconceptions?: GradeReport["misconceptions"];
  timings: GradeReport["timings"];
}

function buildReport(exercise: LoadedExercise, mode: Mode, parts: ReportParts): GradeReport {
  const max = parts.tests.reduce((s, t) => s + t.maxPoints, 0);
  const got = parts.tests.reduce((s, t) => s + t.points, 0);
  return GradeReportSchema.parse({
    version: 1,
    exerciseId: exercise.spec.id,
    mode,
    status: parts.status,
    score: parts.status === "error" || max === 0 ? 0 : Math.min(1, got / max),
    summary: parts.summary,
    tests: parts.tests,
    misconceptions: parts.misconceptions ?? [],
    compileErrors: parts.compileErrors ?? [],
    console: parts.console ?? [],
    limits: reportLimits(exercise),
    timings: parts.timings,
  });
}

/** Every executed test with the same non-passing status (nothing could run). */
function allTests(tests: ResolvedTest[], status: TestResult["status"], message: string, failure: FailureCategory = "not-run"): TestResult[] {
  return tests.map((t) => testResult(t, status, failure, message));
}

export async function gradeInProcess(exercise: LoadedExercise, code: string, language: Language, mode: Mode, options: GradeOptions = {}): Promise<GradeReport> {
  const t0 = performance.now();
  const { spec } = exercise;
  const tests = executedTests(exercise, mode, options.seed ?? newGradingSeed());
  const timings = { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 0 };
  const finish = (parts: Omit<ReportParts, "timings">) => {
    timings.totalMs = performance.now() - t0;
    return buildReport(exercise, mode, { ...parts, timings });
  };

  if (!spec.languages.includes(language)) {
    const message = `This exercise accepts ${spec.languages.join(" or ")}, not ${language}.`;
    return finish({ status: "error", summary: message, tests: allTests(tests, "error", "Not run: " + message) });
  }
  const compiled = compileSubmission(code, language);
  timings.compileMs = performance.now() - t0;
  if (!compiled.ok) {
    return finish({
      status: "error",
      summary: "Your code does not compile.",
      compileErrors: compiled.errors,
      tests: allTests(tests, "error", "Not run: your code does not compile."),
    });
  }

  const sandboxTests: SandboxTest[] = tests.map((t) => ({ hidden: t.visibility === "hidden", kind: t.kind, payload: payload(t) }));
  const outcome = runInSandbox({
    code: compiled.code,
    language,
    entry: spec.entry,
    tests: sandboxTests,
    limits: spec.limits,
    caps: { ...FIXED_CAPS, maxTotalBytes: MAX_TOTAL_RESULT_BYTES },
  });
  timings.sandboxMs = outcome.ms;
  const t1 = performance.now();
  const done = (parts: Omit<ReportParts, "timings">) => {
    timings.compareMs = performance.now() - t1;
    return finish(parts);
  };

  if (outcome.kind === "compile-error") {
    const { line, column, message } = outcome;
    return done({
      status: "error",
      summary: "Your code does not compile.",
      compileErrors: [{ line, column, message }],
      tests: allTests(tests, "error", "Not run: your code does not compile."),
    });
  }
  if (outcome.kind === "memory") {
    const message = `Your code exceeded the memory limit of ${spec.limits.memoryMb} MB, so grading stopped.`;
    return done({ status: "error", summary: message, tests: allTests(tests, "error", message, "out-of-memory") });
  }
  if (outcome.kind === "crash") {
    const message = `The grader failed while running your code (${outcome.message}). This is not your fault; please try again.`;
    return done({ status: "error", summary: message, tests: allTests(tests, "error", "Not run: grader error.", "grader-error") });
  }

  const parsed = EnvelopeSchema.safeParse(safeJson(outcome.envelope));
  if (!parsed.success) {
    return done({
      status: "error",
      summary: "The grader could not read your code's results.",
      tests: allTests(tests, "error", "Not run: grader error.", "grader-error"),
    });
  }
  const env = parsed.data;
  const consoleLines = env.consoleDropped > 0 ? [...env.console, `… ${env.consoleDropped} more console lines not shown`] : env.console;

  if (outcome.moduleTimedOut) {
    const message = `Your module's top-level code ran longer than ${spec.limits.callTimeoutMs} ms (an infinite loop?), so no test could run.`;
    return done({ status: "error", summary: message, console: consoleLines, tests: allTests(tests, "timeout", message, "timed-out") });
  }
  if (env.moduleError) {
    const e = env.moduleError;
    const message = `Your module threw while loading: ${describeThrow(e)}`;
    return done({
      status: "error",
      summary: message,
      console: consoleLines,
      compileErrors: e.line !== null ? [{ line: e.line, column: Math.max(1, e.column ?? 1), message: `${e.name}: ${e.message}` }] : [],
      tests: allTests(tests, "error", "Not run: your module threw while loading."),
    });
  }
  if (!env.hasEntry) {
    const error = missingExportError(code, spec.entry, spec.kind, env.exports);
    return done({ status: "error", summary: error.message, console: consoleLines, compileErrors: [error], tests: allTests(tests, "error", "Not run: " + error.message) });
  }

  const results: TestResult[] = [];
  const matched = new Map<string, { id: string; message: string; lesson: string; testIds: string[] }>();
  const firstTimeout = [...outcome.timedOut.keys()][0];
  for (const [i, test] of tests.entries()) {
    const raw = env.results[i] ?? null;
    if (raw === null) {
      if (outcome.timedOut.has(i)) {
        const limit = outcome.deadlineHit ? `the grading's total limit of ${spec.limits.totalTimeoutMs} ms` : `the limit of ${spec.limits.callTimeoutMs} ms`;
        results.push(testResult(test, "timeout", "timed-out", `Your code ran longer than ${limit} (an infinite loop?).`));
      } else if (firstTimeout !== undefined && i > firstTimeout) {
        results.push(testResult(test, "error", "not-run", `Not run: test "${tests[firstTimeout].name}" timed out, so the remaining tests were skipped.`));
      } else {
        results.push(testResult(test, "timeout", "not-run", `Not run: the grading's total time limit of ${spec.limits.totalTimeoutMs} ms was reached.`));
      }
      continue;
    }
    const verdict = verdictFor({ spec, test, expected: trustedOutcome(exercise, "reference", test), maxResultBytes: FIXED_CAPS.maxResultBytes }, raw);
    results.push(verdict.result);
    if (verdict.result.status === "failed" && verdict.observation) {
      for (const mistake of matchMistakes(exercise, test, verdict.observation)) {
        const entry = matched.get(mistake.id) ?? { id: mistake.id, message: mistake.message, lesson: mistake.lesson, testIds: [] };
        entry.testIds.push(test.id);
        matched.set(mistake.id, entry);
      }
    }
  }
  const passed = results.filter((r) => r.status === "passed").length;
  const allPassed = passed === results.length;
  return done({
    status: allPassed ? "passed" : "failed",
    summary: allPassed ? `All ${results.length} tests passed.` : `${passed} of ${results.length} tests passed.`,
    tests: results,
    console: consoleLines,
    misconceptions: bestExplanations([...matched.values()]),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
