/**
 * tsx scripts/exercise-preview.ts <exercise-id>
 *
 * Computes an exercise's instructor preview (lib/authoring/preview-schema.ts)
 * and prints it as JSON: the checker's own run (scripts/exercises-check:
 * reference on every checker seed, starter, every known mistake graded
 * against the others) plus the author view of the reference's run on one
 * grading seed (every test's inputs, expected value and hint). The web server
 * runs this in a child process (lib/authoring/exercise-preview.ts), so exercise
 * TypeScript is loaded here — the trusted content process — never in a page
 * render. Exit 1 when the exercise cannot be loaded (message on stderr).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { authorRows } from "@/grader/cli/author-view";
import { loadExercise } from "@/grader/content/load-exercise";
import { isKebabId } from "@/grader/contract/vocabulary";
import { loadCourse } from "@/lib/content/course";
import type { ExercisePreview } from "@/lib/authoring/preview-schema";
import { checkExercise, checkerSeeds } from "./exercises-check/check-exercise";
import { gradeSource } from "./exercises-check/grade-source";

const SEEDS = Number(process.env.PREVIEW_SEEDS ?? 20);

async function main(id: string | undefined): Promise<void> {
  if (!id || !isKebabId(id)) throw new Error("usage: tsx scripts/exercise-preview.ts <exercise-id>");
  const started = performance.now();
  const exercise = await loadExercise(id);
  const seeds = checkerSeeds(SEEDS);
  const check = await checkExercise(exercise, gradeSource, await loadCourse().catch(() => null), seeds);
  const seed = seeds[0];
  const referenceReport = await gradeSource(exercise, await readFile(path.join(exercise.dir, "reference.ts"), "utf8"), "typescript", seed);
  const byId = new Map(exercise.mistakes.map((m) => [m.id, m]));
  const preview: ExercisePreview = {
    exerciseId: id,
    contentHash: exercise.contentHash,
    seed,
    seeds: check.seeds,
    referencePassed: check.referencePassed,
    starterFailed: check.starterFailed,
    referenceReport,
    referenceGradeMs: check.referenceGradeMs,
    tests: authorRows(exercise, referenceReport, seed),
    mistakes: check.mistakes.map((m) => ({ ...m, message: byId.get(m.id)?.message ?? "", lesson: byId.get(m.id)?.lesson ?? "" })),
    errors: check.errors,
    warnings: check.warnings,
    computedMs: Math.round(performance.now() - started),
  };
  process.stdout.write(JSON.stringify(preview));
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
