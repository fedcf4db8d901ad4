/**
 * Turns one test's copied-out harness result into a TestResult. Every
 * non-passing result gets a failure category; a hidden test's entry is only
 * that category (hiddenResult): no message text of its own, no values, no
 * positions, no timing — see HIDDEN_MESSAGES in schema.ts. The rich messages
 * below are built for public tests only.
 */
import { compareValues } from "../contract/compare";
import { type CallResult, type CopiedValue, decodeCopied, type ErrorInfo, type ScenarioResult } from "./envelope";
import { comparableSteps, type Mutation, stepLabel, type TrustedOutcome } from "./host-runner";
import type { Observation } from "./misconceptions";
import { type ExerciseSpec, type FailureCategory, HIDDEN_MESSAGES, type PublicTestResult, type ResolvedTest, type TestResult } from "../contract/schema";
import { toleranceMessage } from "./tolerance-message";
import { VALUE_MARKERS } from "../contract/vocabulary";

export interface Verdict {
  result: TestResult;
  /** set when the test failed with a value or a mutation that a mistake may explain */
  observation?: Observation;
}

/** A hidden test's whole entry: status, points, the author's hint when it did not pass, and the category. */
export function hiddenResult(test: ResolvedTest, status: TestResult["status"], failure: FailureCategory | null): TestResult {
  const passed = status === "passed";
  return {
    id: test.id,
    name: test.name,
    visibility: "hidden",
    status,
    points: passed ? test.points : 0,
    maxPoints: test.points,
    message: HIDDEN_MESSAGES[passed ? "passed" : (failure ?? "wrong-values")],
    ...(!passed && test.hint ? { hint: test.hint } : {}),
    ...(passed ? {} : { failure: failure ?? "wrong-values" }),
  };
}

/**
 * A result for any test: public tests keep the message and extras; hidden
 * tests keep only the status and category (the message and extras, which may
 * carry student text or values, are dropped here, in one place).
 */
export function testResult(
  test: ResolvedTest,
  status: TestResult["status"],
  failure: FailureCategory | null,
  message: string,
  extra: Pick<PublicTestResult, "detail" | "timeMs"> = {},
): TestResult {
  if (test.visibility === "hidden") return hiddenResult(test, status, failure);
  const passed = status === "passed";
  return {
    id: test.id,
    name: test.name,
    visibility: "public",
    status,
    points: passed ? test.points : 0,
    maxPoints: test.points,
    message,
    ...(!passed && test.hint ? { hint: test.hint } : {}),
    ...(!passed ? { failure: failure ?? "wrong-values" } : {}),
    ...extra,
  };
}

function where(e: ErrorInfo): string {
  return e.line !== null ? ` at line ${e.line}${e.column !== null ? `, column ${e.column}` : ""}` : "";
}

/** For public tests and module loading only: the thrown value's own text (it may embed data). */
export function describeThrow(e: ErrorInfo): string {
  return `Your code threw ${e.name}: ${e.message}${where(e)}.`;
}

function noValue(c: CopiedValue, maxResultBytes: number): { message: string; failure: FailureCategory } | null {
  switch (c.s) {
    case "ok":
      return null;
    case "undefined":
      return { failure: "no-return-value", message: "returned undefined — did you forget a `return`?" };
    case "promise":
      return { failure: "returned-promise", message: "returned a Promise — return the value itself (no async/await)." };
    case "too-large":
      return { failure: "result-too-large", message: `returned a result of ${c.n} bytes, over the ${maxResultBytes}-byte limit.` };
    case "unserializable":
      return {
        failure: "not-plain-data",
        message: `returned a value that cannot be copied out as plain data${c.e ? ` (${c.e.name}: ${c.e.message.slice(0, 200)})` : ""} — return plain arrays, numbers and objects.`,
      };
  }
}

/** A structural problem's category: a non-finite number where one belongs, or any other shape/type mismatch. */
function structureCategory(problem: string | null): FailureCategory {
  return problem && /should be a finite number but is (NaN|Infinity|-Infinity)$/.test(problem) ? "not-finite" : "wrong-shape-or-type";
}

/** "x[2][1]" for a call, "argument 1 of step 3: bn.forward()" for a scenario. */
function mutationName(m: Mutation, spec: ExerciseSpec, test: ResolvedTest): string {
  const match = /^\[(\d+)\](.*)$/.exec(m.path);
  const index = match ? Number(match[1]) : 0;
  const rest = match ? match[2] : m.path;
  if (m.step === null || test.kind !== "scenario") {
    const params = test.kind === "call" && test.entry && test.entry !== spec.entry ? spec.otherEntries?.[test.entry] : spec.params;
    return `${params?.[index] ?? `argument ${index + 1}`}${rest}`;
  }
  return `argument ${index + 1}${rest} of ${stepLabel(test.steps[m.step], m.step)}`;
}

interface VerdictContext {
  spec: ExerciseSpec;
  test: ResolvedTest;
  expected: TrustedOutcome;
  maxResultBytes: number;
}

/**
 * A test whose call must throw: any thrown value passes; a returned value fails
 * ("no-error-thrown") and is kept as an observation, so a known mistake that
 * also returns a value here (it skips the check) can be named.
 */
function throwsVerdict(test: ResolvedTest, expected: TrustedOutcome, raw: CallResult | ScenarioResult, timeMs: number): Verdict {
  if (expected.ok) return { result: testResult(test, "error", "grader-error", "The reference returned a value on a test that requires an error (an exercise bug).") };
  if ("e" in raw && raw.e) return { result: testResult(test, "passed", null, "Threw an error, as required.", { timeMs }) };
  const value = "r" in raw ? decodeCopied(raw.r) : null;
  const message = "Your function returned a value; for this input the task asks it to throw an Error (see the prompt's rules).";
  return { result: testResult(test, "failed", "no-error-thrown", message, { timeMs }), observation: { value, mutated: null } };
}

export function verdictFor(ctx: VerdictContext, raw: CallResult | ScenarioResult): Verdict {
  const { spec, test, expected } = ctx;
  const timeMs = raw.ms;
  const result = (status: TestResult["status"], failure: FailureCategory | null, message: string, extra: Parameters<typeof testResult>[4] = {}) =>
    testResult(test, status, failure, message, { timeMs, ...extra });
  if (test.kind === "call" && test.throws) return throwsVerdict(test, expected, raw, timeMs);
  if (!expected.ok) return { result: testResult(test, "error", "grader-error", `The reference failed on this test (an exercise bug): ${expected.error}`) };

  // Decode what the student produced.
  let actual: unknown;
  let mutated: Mutation | null = null;
  if ("steps" in raw) {
    if (test.kind !== "scenario") throw new Error("scenario result for a call test");
    if (raw.e) {
      const label = stepLabel(test.steps[raw.step ?? 0], raw.step ?? 0);
      return { result: result("error", "threw-error", `${label}: ${describeThrow(raw.e)}`) };
    }
    for (const [k, c] of raw.steps.entries()) {
      const problem = c ? noValue(c, ctx.maxResultBytes) : null;
      const refValue = (expected.value as unknown[])[k];
      if (problem && c?.s !== "undefined" && refValue !== null && refValue !== VALUE_MARKERS.undefined) {
        return { result: result("failed", problem.failure, `${stepLabel(test.steps[k], k)} ${problem.message}`) };
      }
    }
    actual = raw.steps.map(decodeCopied);
    mutated = raw.m ?? null;
  } else if ("e" in raw) {
    return { result: result("error", "threw-error", describeThrow(raw.e)) };
  } else {
    const problem = noValue(raw.r, ctx.maxResultBytes);
    if (problem) return { result: result("failed", problem.failure, `Your function ${problem.message}`) };
    actual = decodeCopied(raw.r);
    mutated = raw.m === null ? null : { step: null, path: raw.m };
  }

  const observation: Observation = { value: actual, mutated };
  const [exp, act, keys] =
    test.kind === "scenario"
      ? [comparableSteps(test.steps, expected.value as unknown[], expected.value as unknown[]), comparableSteps(test.steps, expected.value as unknown[], actual as unknown[]), undefined]
      : [expected.value, actual, test.compare];
  const cmp = compareValues(act, exp, test.tolerance, keys);
  const detail = {
    input: test.kind === "call" ? test.args : test.steps,
    expected: exp,
    actual: act,
    worstAbsError: cmp.worstAbsError,
    worstRelError: cmp.worstRelError,
    firstBadIndex: cmp.firstBadIndex,
    tolerance: test.tolerance,
  };

  if (mutated) {
    const what = mutationName(mutated, spec, test);
    const message = `Your code modified its input \`${what}\`. Inputs belong to the caller: build new arrays instead of writing into them.`;
    return { result: result("failed", "modified-input", message, { detail }), observation };
  }
  if (cmp.ok) return { result: result("passed", null, "Passed.", { detail }) };

  // A wrong shape or a non-finite value says more than how far the numbers are off.
  if (cmp.problemKind === "tolerance") {
    return { result: result("failed", "wrong-values", toleranceMessage(cmp, test.tolerance) ?? "The result does not match.", { detail }), observation };
  }
  return { result: result("failed", structureCategory(cmp.problem), cmp.problem ?? "The result does not match.", { detail }), observation };
}
