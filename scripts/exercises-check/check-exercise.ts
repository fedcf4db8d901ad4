/**
 * Checks one exercise end to end by grading real source files exactly as a
 * student submission would be graded (compiled, run in the sandbox, compared
 * with the reference): the reference must pass every test, the starter must
 * compile and fail, and every known mistake must fail at least one HIDDEN test
 * (a mistake that only public tests catch would let a student tune against
 * the visible data).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedExercise } from "@/grader/load-exercise";
import type { GradeReport, Language } from "@/grader/schema";
import { type CourseOutline, staticChecks } from "./static-checks";

/** Grades source code against a loaded exercise in "submit" mode (all tests). */
export type GradeSource = (exercise: LoadedExercise, code: string, language: Language) => Promise<GradeReport>;

export interface MistakeCheck {
  id: string;
  /** hidden tests the mistake fails */
  caughtBy: string[];
  /** public tests the mistake fails */
  publicFailures: string[];
  /** the grader named this very misconception in its report */
  recognised: boolean;
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
  /** median grading time of a correct solution (the reference, warm cache), ms */
  referenceGradeMs: number;
  errors: string[];
  warnings: string[];
}

export const languageOf = (file: string): Language => (file.endsWith(".js") ? "javascript" : "typescript");

function failing(report: GradeReport, visibility: "public" | "hidden"): string[] {
  return report.tests.filter((t) => t.visibility === visibility && t.status !== "passed").map((t) => t.id);
}

function describeFailures(report: GradeReport): string {
  if (report.compileErrors.length) return report.compileErrors.map((e) => `line ${e.line}:${e.column} ${e.message}`).join("; ");
  const bad = report.tests.filter((t) => t.status !== "passed");
  return bad.length ? bad.map((t) => `${t.id} (${t.status}: ${t.message})`).join("; ") : report.summary;
}

export async function checkExercise(exercise: LoadedExercise, grade: GradeSource, course: CourseOutline | null): Promise<ExerciseCheck> {
  const id = exercise.spec.id;
  const errors = staticChecks(exercise, course);
  const warnings: string[] = [];
  const source = (file: string) => readFile(path.join(exercise.dir, file), "utf8");

  const referenceSource = await source("reference.ts");
  const reference = await grade(exercise, referenceSource, "typescript");
  // The first grading also fills the reference-output cache; three more give
  // the median cost of grading a correct submission (the machine is shared,
  // so one sample is noisy).
  const warmMs: number[] = [];
  for (let k = 0; k < 3; k++) warmMs.push((await grade(exercise, referenceSource, "typescript")).timings.totalMs);
  warmMs.sort((a, b) => a - b);
  const referencePassed = reference.status === "passed" && reference.tests.every((t) => t.status === "passed");
  if (!referencePassed) errors.push(`${id}/reference.ts: must pass all of its own tests, but: ${describeFailures(reference)}`);

  const starter = await grade(exercise, exercise.starter, "typescript");
  if (starter.compileErrors.length) errors.push(`${id}/starter.ts: must compile, but: ${describeFailures(starter)}`);
  const starterFailed = starter.tests.some((t) => t.status !== "passed") || starter.status !== "passed";
  if (!starterFailed) errors.push(`${id}/starter.ts: passes every test; a starter must fail`);

  const mistakes: MistakeCheck[] = [];
  for (const mistake of exercise.mistakes) {
    const report = await grade(exercise, await source(path.join("mistakes", `${mistake.id}.ts`)), "typescript");
    const check: MistakeCheck = {
      id: mistake.id,
      caughtBy: failing(report, "hidden"),
      publicFailures: failing(report, "public"),
      recognised: report.misconceptions.some((m) => m.id === mistake.id),
    };
    mistakes.push(check);
    if (report.compileErrors.length) errors.push(`${id}/mistakes/${mistake.id}.ts: does not compile: ${describeFailures(report)}`);
    else if (check.caughtBy.length === 0) {
      errors.push(
        `${id}/mistakes/${mistake.id}.ts: no hidden test catches this mistake` +
          (check.publicFailures.length ? ` (only public: ${check.publicFailures.join(", ")})` : "") +
          "; add a hidden test whose inputs expose it",
      );
    }
    if (!check.recognised && check.caughtBy.length) warnings.push(`${id}/mistakes/${mistake.id}.ts: caught, but the grader's report does not name this misconception`);
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
    referenceGradeMs: warmMs[1],
    errors,
    warnings,
  };
}
