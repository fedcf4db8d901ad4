/**
 * npm run exercises:check [-- <exercise-id> ...] [--verbose] [--seeds=N]
 *
 * Validates every exercise folder (format, course membership, test balance),
 * grades each reference (must pass), starter (must fail) and known mistake
 * (must fail a hidden test, and be named, never as another mistake) through
 * the real grader on N grading seeds (default 20; hidden inputs differ per
 * seed), prints each exercise's mistake confusion matrix, runs the registered
 * lesson/quiz content checks, prints a per-exercise table and exits 1 on any
 * problem. Runs in CI.
 */
import { ExerciseFormatError, listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import { checkExerciseLinks } from "@/lib/content/check-content";
import { staleSummaryWarning } from "./course-summary/course-summary";
import { loadCourse } from "@/lib/content/course";
import { checkExercise, checkerSeeds, type ExerciseCheck } from "./exercises-check/check-exercise";
import { confusionMatrix } from "./exercises-check/confusion-matrix";
import { runContentChecks } from "./exercises-check/content-checks";
import { formatTable } from "./exercises-check/format-table";
import { gradeSource } from "./exercises-check/grade-source";
import { type CourseOutline, courseConsistency } from "./exercises-check/static-checks";

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes("--verbose");
  const seedCount = Number(argv.find((a) => a.startsWith("--seeds="))?.split("=")[1] ?? 20);
  if (!Number.isInteger(seedCount) || seedCount < 1) throw new Error("--seeds=N needs a positive integer");
  const seeds = checkerSeeds(seedCount);
  const only = argv.filter((a) => !a.startsWith("--"));
  const started = performance.now();
  const errors: string[] = [];
  const warnings: string[] = [];

  let course: CourseOutline | null = null;
  try {
    course = await loadCourse();
  } catch (error) {
    errors.push(`exercises/course.json: ${(error as Error).message}`);
  }
  const folders = await listExerciseFolders();
  if (course && only.length === 0) errors.push(...courseConsistency(folders, course));
  for (const id of only) if (!folders.includes(id)) errors.push(`unknown exercise "${id}" (folders: ${folders.join(", ")})`);
  const ids = only.length ? folders.filter((id) => only.includes(id)) : folders;

  const checks: ExerciseCheck[] = [];
  for (const id of ids) {
    try {
      const check = await checkExercise(await loadExercise(id), gradeSource, course, seeds);
      checks.push(check);
      errors.push(...check.errors);
      warnings.push(...check.warnings);
    } catch (error) {
      errors.push(error instanceof ExerciseFormatError ? error.message : `${id}: ${(error as Error).stack ?? String(error)}`);
    }
  }

  const rows = checks.map((c) => {
    const caught = c.mistakes.filter((m) => m.caughtOnSeeds === c.seeds).length;
    return [
      c.id,
      `${c.publicTests} + ${c.hiddenTests}`,
      `${c.hiddenPoints}/${c.totalPoints}`,
      c.referencePassed ? "passes" : "FAILS",
      c.starterFailed ? "fails" : "PASSES",
      `${caught}/${c.mistakes.length}${caught < c.mistakes.length ? " !" : ""}`,
      `${c.mistakes.filter((m) => m.recognised).length}/${c.mistakes.length}`,
      c.mistakes.some((m) => Object.keys(m.named).some((other) => other !== m.id)) ? "WRONG LABELS" : "none",
      c.referenceGradeMs.toFixed(1),
    ];
  });
  console.log(
    formatTable(["exercise", "tests (public + hidden)", "hidden points", "reference", "starter", `mistakes caught (${seedCount} seeds)`, "named on every seed", "wrong labels", "grade ms (median)"], rows),
  );
  for (const c of checks) {
    if (c.mistakes.length) console.log(`\n${c.id}: known mistakes graded against each other\n${confusionMatrix(c.mistakes, c.seeds)}`);
  }
  if (verbose) {
    for (const c of checks) {
      console.log(`\n${c.id}`);
      for (const m of c.mistakes) console.log(`  ${m.id}: hidden ${m.caughtBy.join(", ") || "—"}; public ${m.publicFailures.join(", ") || "—"}`);
    }
  }

  if (only.length === 0) {
    const content = await runContentChecks();
    console.log("");
    for (const line of content.summary) console.log(line);
    errors.push(...content.errors);
    const stale = await staleSummaryWarning().catch((e: Error) => `README.md course summary: ${e.message}`);
    if (stale) warnings.push(stale);
  } else {
    // The whole-course checks are skipped for a quick run, but the exercise's own lesson links are not.
    for (const id of ids) {
      const links = await checkExerciseLinks(id);
      for (const line of links.summary) console.log(line);
      errors.push(...links.errors);
    }
  }

  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${checks.length} exercises checked in ${seconds} s: ${errors.length ? `${errors.length} problem(s)` : "all good"}`);
  return errors.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
