/**
 * A reference that returns NaN or ±∞ on some test is nearly always an
 * exercise bug (ε = 0 on a constant plane): the test would then fail every
 * careful solution that guards the division with "should be NaN". So any
 * non-finite expected value fails the checker, unless the test says it is
 * meant (`expectNonFinite: true` in tests.ts).
 */
import { executedTests } from "@/grader/content/hidden-tests";
import type { LoadedExercise } from "@/grader/content/load-exercise";
import { trustedOutcome } from "@/grader/engine/misconceptions";
import { NON_FINITE_MARKERS } from "@/grader/contract/vocabulary";


/** The first path in `value` that holds a non-finite number (as the harness encodes it), or null. */
export function nonFinitePath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return Object.hasOwn(NON_FINITE_MARKERS, value) ? path || "(the result)" : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinitePath(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

export function nonFiniteExpectations(exercise: LoadedExercise, seeds: string[]): string[] {
  const meant = new Set(exercise.parsedTests.filter((p) => p.definition.expectNonFinite === true).map((p) => p.definition.id));
  const errors = new Map<string, string>();
  for (const seed of seeds) {
    for (const test of executedTests(exercise, "submit", seed)) {
      if (meant.has(test.id) || errors.has(test.id)) continue;
      const outcome = trustedOutcome(exercise, "reference", test);
      const at = outcome.ok ? nonFinitePath(outcome.value) : null;
      if (at) {
        errors.set(
          test.id,
          `${exercise.spec.id}/tests.ts: test "${test.id}": the reference returns a non-finite number at ${at.replace(/^\./, "")} (seed ${seed}); ` +
            "fix the inputs (e.g. ε > 0 for a constant input) or, if NaN/∞ is the point of the test, add `expectNonFinite: true` to it",
        );
      }
    }
  }
  return [...errors.values()];
}
