/**
 * Checks one exercise end to end by grading real source files exactly as a
 * student submission would be graded (compiled, run in the sandbox, compared
 * with the reference), under several grading seeds (hidden inputs change with
 * the seed, see grader/content/hidden-tests.ts): the reference must pass every test
 * on every seed, the starter must compile and fail, every known mistake must
 * fail at least one HIDDEN test on every seed (a mistake that only public
 * tests catch would let a student tune against the visible data), grading
 * mistake A must never name mistake B (the confusion matrix), and every
 * hidden test must draw different inputs for different seeds.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hiddenTestsFor } from "@/grader/content/hidden-tests";
import type { LoadedExercise } from "@/grader/content/load-exercise";
import type { GradeReport, Language } from "@/grader/contract/schema";
import { nonFiniteExpectations } from "./non-finite-expected";
import { checkPromptExamples } from "./prompt-example";
import { authorPlaceholders } from "./author-placeholders";
import { type CourseOutline, minMistakes, RECOMMENDED_MISTAKES, staticChecks } from "./static-checks";
import { strayFiles } from "./stray-files";

/** Grades source code against a loaded exercise in "submit" mode (all tests), hidden inputs drawn from `seed`. */
export type GradeSource = (exercise: LoadedExercise, code: string, language: Language, seed: string) => Promise<GradeReport>;

/** Grading seeds the checker uses: fixed (so a failure is reproducible), as many as asked. */
export function checkerSeeds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => createHash("sha256").update(`exercises-check/${i}`).digest("hex").slice(0, 16));
}

/** Hidden tests whose generator ignores its rng: the same inputs on every grading can be memorised. */
export function fixedHiddenTests(exercise: LoadedExercise, seeds: string[]): string[] {
  const payloads = seeds.slice(0, 3).map((seed) => hiddenTestsFor(exercise, seed).map((t) => JSON.stringify(t.kind === "call" ? t.args : t.steps)));
  return hiddenTestsFor(exercise, seeds[0])
    .filter((_, k) => payloads.every((p) => p[k] === payloads[0][k]))
    .map((t) => t.id);
}

export interface MistakeCheck {
  id: string;
  /** hidden tests the mistake fails (on any seed) */
  caughtBy: string[];
  /** public tests the mistake fails */
  publicFailures: string[];
  /** seeds on which at least one hidden test failed */
  caughtOnSeeds: number;
  /** the grader named this very misconception in its report (on every seed) */
  recognised: boolean;
  /** misconception id → on how many seeds the report named it (this mistake's row of the confusion matrix) */
  named: Record<string, number>;
}

export interface ExerciseCheck {
  id: string;
  publicTests: number;
  hiddenTests: number;
  hiddenPoints: number;
  totalPoints: number;
  referencePassed: boolean;
  starterFailed: boolean;
  mistakes: MistakeCheck[];
  /** grading seeds used */
  seeds: number;
  /** median grading time of a correct solution (the reference, warm cache), ms */
  referenceGradeMs: number;
  errors: string[];
  warnings: string[];
}

function failing(report: GradeReport, visibility: "public" | "hidden"): string[] {
  return report.tests.filter((t) => t.visibility === visibility && t.status !== "passed").map((t) => t.id);
}

function describeFailures(report: GradeReport): string {
  if (report.compileErrors.length) return report.compileErrors.map((e) => `line ${e.line}:${e.column} ${e.message}`).join("; ");
  const bad = report.tests.filter((t) => t.status !== "passed");
  return bad.length ? bad.map((t) => `${t.id} (${t.status}: ${t.message})`).join("; ") : report.summary;
}

export async function checkExercise(exercise: LoadedExercise, grade: GradeSource, course: CourseOutline | null, seeds = checkerSeeds(20)): Promise<ExerciseCheck> {
  const id = exercise.spec.id;
  const errors = staticChecks(exercise, course);
  const warnings: string[] = [];
  const source = (file: string) => readFile(path.join(exercise.dir, file), "utf8");
  const fixed = fixedHiddenTests(exercise, seeds);
  if (fixed.length) errors.push(`${id}/tests.ts: hidden test(s) ${fixed.join(", ")} draw the same inputs for every seed; draw values from the rng`);
  errors.push(...nonFiniteExpectations(exercise, seeds));
  errors.push(...(await strayFiles(exercise.dir, id)));
  errors.push(...(await authorPlaceholders(exercise.dir, id)));
  if (exercise.mistakes.length < RECOMMENDED_MISTAKES && exercise.mistakes.length >= minMistakes(id)) {
    warnings.push(`${id}/mistakes/: ${exercise.mistakes.length} known mistake(s); aim for ${RECOMMENDED_MISTAKES} — each is feedback a student gets`);
  }
  errors.push(...checkPromptExamples(exercise));

  const referenceSource = await source("reference.ts");
  // Every seed once (this also fills the reference-output caches), then three
  // more gradings give the median cost of grading a correct submission.
  let referencePassed = true;
  for (const seed of seeds) {
    const reference = await grade(exercise, referenceSource, "typescript", seed);
    if (reference.status !== "passed" || !reference.tests.every((t) => t.status === "passed")) {
      if (referencePassed) errors.push(`${id}/reference.ts: must pass all of its own tests, but on seed ${seed}: ${describeFailures(reference)}`);
      referencePassed = false;
    }
  }
  const warmMs: number[] = [];
  for (let k = 0; k < 3; k++) warmMs.push((await grade(exercise, referenceSource, "typescript", seeds[k % seeds.length])).timings.totalMs);
  warmMs.sort((a, b) => a - b);

  const starter = await grade(exercise, exercise.starter, "typescript", seeds[0]);
  if (starter.compileErrors.length) errors.push(`${id}/starter.ts: must compile, but: ${describeFailures(starter)}`);
  const starterFailed = starter.tests.some((t) => t.status !== "passed") || starter.status !== "passed";
  if (!starterFailed) errors.push(`${id}/starter.ts: passes every test; a starter must fail`);

  const sources = new Map<string, string>();
  for (const mistake of exercise.mistakes) sources.set(mistake.id, await source(path.join("mistakes", `${mistake.id}.ts`)));
  const mistakes = exercise.mistakes.map((m): MistakeCheck => ({ id: m.id, caughtBy: [], publicFailures: [], caughtOnSeeds: 0, recognised: false, named: {} }));
  const compileFailed = new Set<string>();
  // Seed-major: every mistake on one seed's hidden inputs, so their outputs are computed once per seed.
  for (const seed of seeds) {
    for (const check of mistakes) {
      if (compileFailed.has(check.id)) continue;
      const report = await grade(exercise, sources.get(check.id) ?? "", "typescript", seed);
      if (report.compileErrors.length) {
        compileFailed.add(check.id);
        errors.push(`${id}/mistakes/${check.id}.ts: does not compile: ${describeFailures(report)}`);
        continue;
      }
      const hidden = failing(report, "hidden");
      check.caughtBy = [...new Set([...check.caughtBy, ...hidden])];
      check.publicFailures = [...new Set([...check.publicFailures, ...failing(report, "public")])];
      if (hidden.length) check.caughtOnSeeds++;
      for (const m of report.misconceptions) check.named[m.id] = (check.named[m.id] ?? 0) + 1;
    }
  }

  for (const check of mistakes) {
    if (compileFailed.has(check.id)) continue;
    const where = `${id}/mistakes/${check.id}.ts`;
    check.recognised = (check.named[check.id] ?? 0) === seeds.length;
    if (check.caughtBy.length === 0) {
      errors.push(
        `${where}: no hidden test catches this mistake` +
          (check.publicFailures.length ? ` (only public: ${check.publicFailures.join(", ")})` : "") +
          "; add a hidden test whose inputs expose it",
      );
    } else if (check.caughtOnSeeds < seeds.length) {
      errors.push(`${where}: hidden tests catch this mistake on only ${check.caughtOnSeeds} of ${seeds.length} seeds; make a hidden test expose it for any values`);
    }
    for (const [other, count] of Object.entries(check.named)) {
      if (other !== check.id) errors.push(`${where}: grading it names the misconception "${other}" (on ${count} of ${seeds.length} seeds); a wrong label is worse than none`);
    }
    const namedOn = check.named[check.id] ?? 0;
    if (namedOn === 0 && check.caughtBy.length) errors.push(`${where}: caught, but the grader's report never names this misconception`);
    else if (namedOn < seeds.length && check.caughtBy.length) warnings.push(`${where}: named on only ${namedOn} of ${seeds.length} seeds`);
  }

  const hidden = exercise.tests.filter((t) => t.visibility === "hidden");
  return {
    id,
    publicTests: exercise.tests.length - hidden.length,
    hiddenTests: hidden.length,
    hiddenPoints: hidden.reduce((s, t) => s + t.points, 0),
    totalPoints: exercise.tests.reduce((s, t) => s + t.points, 0),
    referencePassed,
    starterFailed,
    mistakes,
    seeds: seeds.length,
    referenceGradeMs: warmMs[1],
    errors,
    warnings,
  };
}
