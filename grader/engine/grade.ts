/**
 * gradeInProcess(exercise, code, language, mode, { seed }) → GradeReport.
 * Compiles the student's code, runs it once in a fresh isolate against the
 * executed tests (public only for "run", all for "submit"; hidden inputs drawn
 * from the grading seed, see hidden-tests.ts), compares every copied-out value
 * with the reference's (computed in the host, cached per test object), and
 * explains failures with known mistakes. Uses the sandbox directly, in this process: the web app
 * goes through the worker pool (index.ts), the checker and tests call this.
 */
import { compileSubmission, missingExportError, studentPosition } from "./compile";
import { EnvelopeSchema, remapPositions, safeJson } from "./envelope";
import type { LoadedExercise } from "../content/load-exercise";
import { bestExplanations, matchMistakes, trustedOutcome } from "./misconceptions";
import { capReport } from "./report-caps";
import { runInSandbox, type SandboxStop, type SandboxTest } from "./sandbox";
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
} from "../contract/schema";
import { executedTests, type Mode, newGradingSeed } from "../content/hidden-tests";
import { streamVerdicts } from "./streamed-verdicts";
import { describeThrow, testResult, verdictFor } from "./test-verdict";

export type { Mode };
export { executedTests };

export interface GradeOptions {
  /** seeds the hidden tests' inputs; default: a fresh random seed for this grading */
  seed?: string;
  /** every executed test as "not run", once the tests are drawn (before any student code runs) */
  onPlan?: (plan: TestResult[]) => void;
  /** each test's result as soon as it is known (a worker forwards them, so a killed worker loses none) */
  onTestResult?: (index: number, result: TestResult) => void;
}

const MAX_TOTAL_RESULT_BYTES = 4_000_000;
/** export names the harness copies out (the missing-export message shows 5) */
const MAX_EXPORT_NAMES = 20;

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
  return capReport(GradeReportSchema.parse({
    version: 1,
    exerciseId: exercise.spec.id,
    mode,
    status: parts.status,
    score: parts.status === "error" || max === 0 ? 0 : Math.min(1, got / max),
    ...(exercise.contentHash ? { contentHash: exercise.contentHash } : {}),
    summary: parts.summary,
    tests: parts.tests,
    misconceptions: parts.misconceptions ?? [],
    compileErrors: parts.compileErrors ?? [],
    console: parts.console ?? [],
    limits: reportLimits(exercise),
    timings: parts.timings,
  }));
}

/** Every executed test with the same non-passing status (nothing could run). */
function allTests(tests: ResolvedTest[], status: TestResult["status"], message: string, failure: FailureCategory = "not-run"): TestResult[] {
  return tests.map((t) => testResult(t, status, failure, message));
}

export async function gradeInProcess(exercise: LoadedExercise, code: string, language: Language, mode: Mode, options: GradeOptions = {}): Promise<GradeReport> {
  const t0 = performance.now();
  const { spec } = exercise;
  const tests = executedTests(exercise, mode, options.seed ?? newGradingSeed());
  options.onPlan?.(allTests(tests, "error", "Not run."));
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

  const sandboxTests: SandboxTest[] = tests.map((t) => ({
    hidden: t.visibility === "hidden",
    kind: t.kind,
    payload: payload(t),
    ...(t.kind === "call" && t.entry && t.entry !== spec.entry ? { entry: t.entry } : {}),
    ...(t.kind === "call" && t.markers ? { markers: true } : {}),
    ...(t.kind === "call" && t.throws ? { expectsThrow: true } : {}),
  }));
  const streamed = options.onTestResult ? streamVerdicts(exercise, tests, compiled.module, options.onTestResult) : null;
  const outcome = runInSandbox({
    onStep: streamed?.onStep,
    code: compiled.module.code,
    language,
    entry: spec.entry,
    others: Object.keys(spec.otherEntries ?? {}),
    tests: sandboxTests,
    limits: spec.limits,
    caps: { ...FIXED_CAPS, maxTotalBytes: MAX_TOTAL_RESULT_BYTES, maxExportNames: MAX_EXPORT_NAMES },
  });
  timings.sandboxMs = outcome.ms;
  const t1 = performance.now();
  const done = (parts: Omit<ReportParts, "timings">) => {
    timings.compareMs = performance.now() - t1;
    return finish(parts);
  };

  if (outcome.kind === "compile-error") {
    // TypeScript accepted it but V8 did not (e.g. a redeclared `let`, top-level await).
    const at = studentPosition(compiled.module, outcome.line, outcome.column) ?? { line: 1, column: 1 };
    return done({
      status: "error",
      summary: "Your code does not compile.",
      compileErrors: [{ ...at, message: outcome.message }],
      tests: allTests(tests, "error", "Not run: your code does not compile."),
    });
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
  remapPositions(env, (line, column) => studentPosition(compiled.module, line, column));
  const consoleLines = env.output ? (env.output.dropped > 0 ? [...env.output.console, `… ${env.output.dropped} more console lines not shown`] : env.output.console) : [];
  const { stop } = outcome;

  if (stop?.phase === "module" || !env.load) {
    const message =
      stop?.why === "memory"
        ? `Your module's top-level code exceeded the memory limit of ${spec.limits.memoryMb} MB, so no test could run.`
        : `Your module's top-level code ran longer than ${spec.limits.callTimeoutMs} ms (an infinite loop, or an endless chain of promise callbacks?), so no test could run.`;
    return done({ status: "error", summary: message, console: consoleLines, tests: allTests(tests, stop?.why === "memory" ? "error" : "timeout", message, stop?.why === "memory" ? "out-of-memory" : "timed-out") });
  }
  if (env.load.moduleError) {
    const e = env.load.moduleError;
    const message = `Your module threw while loading: ${describeThrow(e)}`;
    return done({
      status: "error",
      summary: message,
      console: consoleLines,
      compileErrors: e.line !== null ? [{ line: e.line, column: Math.max(1, e.column ?? 1), message: `${e.name}: ${e.message}` }] : [],
      tests: allTests(tests, "error", "Not run: your module threw while loading."),
    });
  }
  if (!env.load.hasEntry) {
    // Only a name the exercise requires is echoed back (the envelope comes out of the isolate).
    const required = [spec.entry, ...Object.keys(spec.otherEntries ?? {})];
    const name = required.find((n) => n === env.load?.missing) ?? spec.entry;
    const error = missingExportError(code, name, name === spec.entry ? spec.kind : "function", env.load.exports, env.load.exportCount);
    const notRun = `Not run: your module does not export \`${name}\`.`;
    return done({ status: "error", summary: error.message, console: consoleLines, compileErrors: [error], tests: allTests(tests, "error", notRun) });
  }

  const results: TestResult[] = [];
  const matched = new Map<string, { id: string; message: string; lesson: string; testIds: string[] }>();
  for (const [i, test] of tests.entries()) {
    const raw = env.results[i];
    if (raw === undefined || raw === null) {
      results.push(stoppedResult(test, i, tests, stop, spec.limits));
      continue;
    }
    const verdict =
      streamed?.verdict(i) ?? verdictFor({ spec, test, expected: trustedOutcome(exercise, "reference", test), maxResultBytes: FIXED_CAPS.maxResultBytes }, raw);
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
  const stopped = stop ? ` ${stopSummary(stop, tests, spec.limits)}` : "";
  return done({
    status: allPassed ? "passed" : "failed",
    summary: allPassed ? `All ${results.length} tests passed.` : `${passed} of ${results.length} tests passed.${stopped}`,
    tests: results,
    console: consoleLines,
    misconceptions: bestExplanations([...matched.values()]),
  });
}

/** The result of a test that did not complete: the one that stopped grading, or one after it. */
function stoppedResult(test: ResolvedTest, i: number, tests: ResolvedTest[], stop: SandboxStop | null, limits: LoadedExercise["spec"]["limits"]): TestResult {
  if (stop && i === stop.test) {
    if (stop.why === "memory") return testResult(test, "error", "out-of-memory", `Your code exceeded the memory limit of ${limits.memoryMb} MB.`);
    const limit = stop.totalLimit ? `the grading's total limit of ${limits.totalTimeoutMs} ms` : `the limit of ${limits.callTimeoutMs} ms`;
    return testResult(test, "timeout", "timed-out", `Your code ran longer than ${limit} (an infinite loop, or an endless chain of promise callbacks?).`);
  }
  const name = stop && stop.test >= 0 ? tests[stop.test]?.name : undefined;
  const why = stop?.why === "memory" ? "exceeded the memory limit" : "timed out";
  return testResult(test, "error", "not-run", name ? `Not run: test "${name}" ${why}, so the remaining tests were skipped.` : "Not run.");
}

function stopSummary(stop: SandboxStop, tests: ResolvedTest[], limits: LoadedExercise["spec"]["limits"]): string {
  const name = tests[stop.test]?.name ?? "a test";
  return stop.why === "memory"
    ? `Grading stopped at test "${name}": your code exceeded the memory limit of ${limits.memoryMb} MB.`
    : `Grading stopped at test "${name}": your code ran past its time limit.`;
}
