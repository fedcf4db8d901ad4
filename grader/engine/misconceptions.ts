/**
 * Recognises known mistakes: when a test fails, each of the exercise's
 * mistakes/*.ts is run in the host on that test's input (outputs cached per
 * test object), and a mistake matches when the student failed the same way —
 * the same argument modified, or values within tolerance of the mistake's
 * output where that output is finite and itself outside the tolerance of the
 * expected one (NaN never counts as equal to NaN here).
 * Only the mistakes that explain the most failing tests are reported
 * (bestExplanations), so a mistake that merely coincides with the real one on
 * a test or two does not send the student to the wrong lesson.
 */
import { compareValues } from "../contract/compare";
import type { Mutation, TrustedOutcome } from "./host-runner";
import { comparableSteps, runTrusted } from "./host-runner";
import type { LoadedExercise, LoadedMistake } from "../content/load-exercise";
import type { ResolvedTest } from "../contract/schema";

// Keyed by the resolved test object: public tests live as long as their
// exercise, hidden tests as long as their grading seed (hidden-tests.ts).
const outcomeCache = new WeakMap<ResolvedTest, Map<"reference" | LoadedMistake, TrustedOutcome>>();

/** Reference or mistake output on one test, computed once per test object. */
export function trustedOutcome(exercise: LoadedExercise, who: "reference" | LoadedMistake, test: ResolvedTest): TrustedOutcome {
  let perTest = outcomeCache.get(test);
  if (!perTest) {
    perTest = new Map();
    outcomeCache.set(test, perTest);
  }
  let outcome = perTest.get(who);
  if (!outcome) {
    outcome = runTrusted(who === "reference" ? exercise.reference : who.impl, exercise.spec.entry, test);
    perTest.set(who, outcome);
  }
  return outcome;
}

/** "argument 0" of a call, or "step 3, argument 0" of a scenario. */
function mutationKey(m: Mutation): string {
  const arg = /^\[(\d+)\]/.exec(m.path)?.[1] ?? m.path;
  return `${m.step ?? ""}:${arg}`;
}

export interface Observation {
  /** decoded student value: the call's result, or the scenario's step values */
  value: unknown;
  mutated: Mutation | null;
}

/** Within tolerance, comparing only what the reference compares (see comparableSteps). */
function sameValues(a: unknown, b: unknown, reference: unknown, test: ResolvedTest): boolean {
  if (test.kind === "call") return compareValues(a, b, test.tolerance, test.compare).ok;
  const ref = reference as unknown[];
  return compareValues(comparableSteps(test.steps, ref, a as unknown[]), comparableSteps(test.steps, ref, b as unknown[]), test.tolerance).ok;
}

/**
 * Only finite numbers (and plain strings/booleans/null) anywhere in the
 * compared value: a NaN or ±Infinity output (encoded as a marker string) is
 * the same for many different mistakes, e.g. any formula without ε on an
 * N = 1 batch, so it says nothing about which mistake was made.
 */
export function finiteOutput(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return !/^__.*__$/.test(value);
  if (value === null || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every(finiteOutput);
  if (typeof value === "object") return Object.values(value).every(finiteOutput);
  return false;
}

/** The part of an outcome that is compared on this test (compare keys, scenario steps with a reference value). */
function comparedPart(value: unknown, reference: unknown, test: ResolvedTest): unknown {
  if (test.kind === "scenario") return comparableSteps(test.steps, reference as unknown[], value as unknown[]);
  if (test.compare && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    return test.compare.map((key) => record[key] ?? null);
  }
  return value;
}

/**
 * Whether this test can tell the mistake apart at all: the mistake's output
 * must be finite and outside the tolerance of the reference's (a mistake that
 * coincides with the reference here, or that only yields NaN here, explains
 * nothing a student did on this test).
 */
export function mistakeDistinguishable(mistake: TrustedOutcome, reference: TrustedOutcome, test: ResolvedTest): boolean {
  if (!mistake.ok || !reference.ok || mistake.mutated) return false;
  if (!finiteOutput(comparedPart(mistake.value, reference.value, test))) return false;
  return !sameValues(mistake.value, reference.value, reference.value, test);
}

export function matchMistakes(exercise: LoadedExercise, test: ResolvedTest, observed: Observation): LoadedMistake[] {
  const expected = trustedOutcome(exercise, "reference", test);
  // A call that must throw: the student returned a value, like every mistake that skips the check.
  if (test.kind === "call" && test.throws) return exercise.mistakes.filter((mistake) => trustedOutcome(exercise, mistake, test).ok);
  if (!expected.ok) return [];
  return exercise.mistakes.filter((mistake) => {
    const m = trustedOutcome(exercise, mistake, test);
    if (!m.ok) return false;
    if (observed.mutated) return m.mutated !== null && mutationKey(m.mutated) === mutationKey(observed.mutated);
    if (!mistakeDistinguishable(m, expected, test)) return false;
    return sameValues(observed.value, m.value, expected.value, test);
  });
}

/**
 * Keeps the mistakes that explain the most failing tests (ties all kept, in
 * their given order); a mistake that explains strictly fewer is dropped. E.g.
 * a dropped mean path that happens to equal "constant mean and variance" on
 * 2 of 13 failing tests is reported as the dropped mean path only.
 */
export function bestExplanations<T extends { testIds: readonly string[] }>(matches: readonly T[]): T[] {
  const best = Math.max(0, ...matches.map((m) => new Set(m.testIds).size));
  return best === 0 ? [] : matches.filter((m) => new Set(m.testIds).size === best);
}
