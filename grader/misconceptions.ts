/**
 * Recognises known mistakes: when a test fails, each of the exercise's
 * mistakes/*.ts is run in the host on that test's input (outputs cached per
 * exercise), and a mistake matches when the student failed the same way —
 * the same argument modified, or values within tolerance of the mistake's
 * output where the mistake's output itself differs from the expected one.
 * Only the mistakes that explain the most failing tests are reported
 * (bestExplanations), so a mistake that merely coincides with the real one on
 * a test or two does not send the student to the wrong lesson.
 */
import { compareValues } from "./compare";
import type { Mutation, TrustedOutcome } from "./host-runner";
import { comparableSteps, runTrusted } from "./host-runner";
import type { LoadedExercise, LoadedMistake } from "./load-exercise";
import type { ResolvedTest } from "./schema";

const outcomeCache = new WeakMap<LoadedExercise, Map<string, TrustedOutcome>>();

/** Reference or mistake output on one test, computed once per exercise. */
export function trustedOutcome(exercise: LoadedExercise, who: "reference" | LoadedMistake, test: ResolvedTest): TrustedOutcome {
  let perExercise = outcomeCache.get(exercise);
  if (!perExercise) {
    perExercise = new Map();
    outcomeCache.set(exercise, perExercise);
  }
  const key = `${who === "reference" ? "" : who.id}\u0000${test.id}`;
  let outcome = perExercise.get(key);
  if (!outcome) {
    outcome = runTrusted(who === "reference" ? exercise.reference : who.impl, test);
    perExercise.set(key, outcome);
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

export function matchMistakes(exercise: LoadedExercise, test: ResolvedTest, observed: Observation): LoadedMistake[] {
  const expected = trustedOutcome(exercise, "reference", test);
  if (!expected.ok) return [];
  return exercise.mistakes.filter((mistake) => {
    const m = trustedOutcome(exercise, mistake, test);
    if (!m.ok) return false;
    if (observed.mutated) return m.mutated !== null && mutationKey(m.mutated) === mutationKey(observed.mutated);
    if (m.mutated) return false;
    return sameValues(observed.value, m.value, expected.value, test) && !sameValues(m.value, expected.value, expected.value, test);
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
