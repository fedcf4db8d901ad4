/**
 * Fresh hidden data per grading. A hidden test's generator runs again with an
 * rng seeded by the grading's seed (chosen per submission with crypto
 * randomness and stored with it), so each test keeps its structure (N = 1, a
 * constant column, offsets near 1e8, scenario steps …) while its values
 * change: inputs read out of one grading, or memorised in a lookup table, are
 * worth nothing on the next. Public tests stay fixed (students see them anyway)
 * and are the same objects on every grading, so their reference outputs stay
 * cached for the process lifetime.
 *
 * A few recent seeds are kept per exercise (a regrade, the checker, a repeated
 * request), so their reference outputs are computed once.
 */
import { randomBytes } from "node:crypto";
import { type LoadedExercise, resolveTest } from "./load-exercise";
import type { ResolvedTest } from "../contract/schema";
import type { Mode } from "../contract/vocabulary";

export type { Mode };

/** 64 random bits as hex: what lib/submissions stores on a new submission. */
export function newGradingSeed(): string {
  return randomBytes(8).toString("hex");
}

const RECENT_SEEDS = 8;
const recent = new WeakMap<LoadedExercise, Map<string, ResolvedTest[]>>();

/** The rng seed of one hidden test under one grading seed (the test id keeps tests independent). */
export function hiddenTestSeed(gradingSeed: string, testId: string, authorSeed?: number): string {
  return `${gradingSeed}/${authorSeed ?? ""}/${testId}`;
}

/** The exercise's hidden tests with inputs drawn from `seed`. */
export function hiddenTestsFor(exercise: LoadedExercise, seed: string): ResolvedTest[] {
  let perSeed = recent.get(exercise);
  if (!perSeed) {
    perSeed = new Map();
    recent.set(exercise, perSeed);
  }
  const cached = perSeed.get(seed);
  if (cached) return cached;
  const tests = exercise.parsedTests
    .filter((p) => p.definition.visibility === "hidden")
    .map((p) => resolveTest(p, hiddenTestSeed(seed, p.definition.id, p.definition.seed), false, "tychei"));
  perSeed.set(seed, tests);
  if (perSeed.size > RECENT_SEEDS) perSeed.delete(perSeed.keys().next().value as string);
  return tests;
}

/** Tests executed in a mode, public first (so hidden inputs never meet an open console). */
export function executedTests(exercise: LoadedExercise, mode: Mode, seed: string): ResolvedTest[] {
  const pub = exercise.tests.filter((t) => t.visibility === "public");
  return mode === "run" ? pub : [...pub, ...hiddenTestsFor(exercise, seed)];
}
