/**
 * Turns one test's copied-out harness result into a TestResult. Hidden tests
 * get messages that never contain input, expected or actual values (nor the
 * text of an exception the student's code threw, which could embed inputs).
 */
import { compareValues } from "./compare";
import { type CallResult, type CopiedValue, decodeCopied, type ErrorInfo, type ScenarioResult } from "./envelope";
import { comparableSteps, type Mutation, stepLabel, type TrustedOutcome } from "./host-runner";
import type { Observation } from "./misconceptions";
import type { ExerciseSpec, ResolvedTest, TestResult } from "./schema";
import { toleranceMessage } from "./tolerance-message";

export interface Verdict {
  result: TestResult;
  /** set when the test failed with a value or a mutation that a mistake may explain */
  observation?: Observation;
}

export function baseResult(test: ResolvedTest): Omit<TestResult, "status" | "message" | "points"> {
  return { id: test.id, name: test.name, visibility: test.visibility, maxPoints: test.points };
}

function withStatus(test: ResolvedTest, status: TestResult["status"], message: string, extra: Partial<TestResult> = {}): TestResult {
  const hint = status !== "passed" && test.hint ? { hint: test.hint } : {};
  return { ...baseResult(test), status, points: status === "passed" ? test.points : 0, message, ...hint, ...extra };
}

function where(e: ErrorInfo): string {
  return e.line !== null ? ` at line ${e.line}${e.column !== null ? `, column ${e.column}` : ""}` : "";
}

export function describeThrow(e: ErrorInfo, hidden: boolean): string {
  return hidden ? `Your code threw a ${e.name}${where(e)}.` : `Your code threw ${e.name}: ${e.message}${where(e)}.`;
}

function noValueMessage(c: CopiedValue, maxResultBytes: number): string | null {
  switch (c.s) {
    case "ok":
      return null;
    case "undefined":
      return "returned undefined — did you forget a `return`?";
    case "promise":
      return "returned a Promise — return the value itself (no async/await).";
    case "too-large":
      return `returned a result of ${c.n} bytes, over the ${maxResultBytes}-byte limit.`;
    case "unserializable":
      return `returned a value that cannot be copied out as plain data${c.e ? ` (${c.e.name}: ${c.e.message.slice(0, 200)})` : ""} — return plain arrays, numbers and objects.`;
  }
}

/** "x[2][1]" for a call, "argument 1 of step 3: bn.forward()" for a scenario. */
function mutationName(m: Mutation, spec: ExerciseSpec, test: ResolvedTest): string {
  const match = /^\[(\d+)\](.*)$/.exec(m.path);
  const index = match ? Number(match[1]) : 0;
  const rest = match ? match[2] : m.path;
  if (m.step === null || test.kind !== "scenario") return `${spec.params?.[index] ?? `argument ${index + 1}`}${rest}`;
  return `argument ${index + 1}${rest} of ${stepLabel(test.steps[m.step], m.step)}`;
}

interface VerdictContext {
  spec: ExerciseSpec;
  test: ResolvedTest;
  expected: TrustedOutcome;
  maxResultBytes: number;
}

export function verdictFor(ctx: VerdictContext, raw: CallResult | ScenarioResult): Verdict {
  const { spec, test, expected } = ctx;
  const hidden = test.visibility === "hidden";
  const timeMs = raw.ms;
  if (!expected.ok) return { result: withStatus(test, "error", `The reference failed on this test (an exercise bug): ${expected.error}`) };

  // Decode what the student produced.
  let actual: unknown;
  let mutated: Mutation | null = null;
  if ("steps" in raw) {
    if (test.kind !== "scenario") throw new Error("scenario result for a call test");
    if (raw.e) {
      const label = stepLabel(test.steps[raw.step ?? 0], raw.step ?? 0);
      return { result: withStatus(test, "error", `${label}: ${describeThrow(raw.e, hidden)}`, { timeMs }) };
    }
    for (const [k, c] of raw.steps.entries()) {
      const problem = c ? noValueMessage(c, ctx.maxResultBytes) : null;
      const refValue = (expected.value as unknown[])[k];
      if (problem && c?.s !== "undefined" && refValue !== null && refValue !== "__undefined__") {
        return { result: withStatus(test, "failed", `${stepLabel(test.steps[k], k)} ${problem}`, { timeMs }) };
      }
    }
    actual = raw.steps.map(decodeCopied);
    mutated = raw.m ?? null;
  } else if ("e" in raw) {
    return { result: withStatus(test, "error", describeThrow(raw.e, hidden), { timeMs }) };
  } else {
    const problem = noValueMessage(raw.r, ctx.maxResultBytes);
    if (problem) return { result: withStatus(test, "failed", `Your function ${problem}`, { timeMs }) };
    actual = decodeCopied(raw.r);
    mutated = raw.m === null ? null : { step: null, path: raw.m };
  }

  const observation: Observation = { value: actual, mutated };
  const [exp, act, keys] =
    test.kind === "scenario"
      ? [comparableSteps(test.steps, expected.value as unknown[], expected.value as unknown[]), comparableSteps(test.steps, expected.value as unknown[], actual as unknown[]), undefined]
      : [expected.value, actual, test.compare];
  const cmp = compareValues(act, exp, test.tolerance, keys);
  const detail = hidden
    ? {}
    : {
        detail: {
          input: test.kind === "call" ? test.args : test.steps,
          expected: exp,
          actual: act,
          worstAbsError: cmp.worstAbsError,
          worstRelError: cmp.worstRelError,
          firstBadIndex: cmp.firstBadIndex,
          tolerance: test.tolerance,
        },
      };

  if (mutated) {
    const what = mutationName(mutated, spec, test);
    const message = `Your code modified its input \`${what}\`. Inputs belong to the caller: build new arrays instead of writing into them.`;
    return { result: withStatus(test, "failed", message, { timeMs, ...detail }), observation };
  }
  if (cmp.ok) return { result: withStatus(test, "passed", "Passed.", { timeMs, ...detail }) };

  // A wrong shape or a non-finite value says more than how far the numbers are off.
  const message = (cmp.problemKind === "tolerance" && toleranceMessage(cmp, test.tolerance, hidden)) || (cmp.problem ?? "The result does not match.");
  return { result: withStatus(test, "failed", message, { timeMs, ...detail }), observation };
}
