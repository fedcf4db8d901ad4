/**
 * Checks on an exercise that need no grading: course membership, the shape of
 * the test set (public/hidden balance, hints) and the size of the mistake bank.
 * Pure functions over the loaded exercise, so they are cheap to unit-test.
 */
import type { LoadedExercise } from "@/grader/content/load-exercise";

export interface CourseOutline {
  modules: { id: string; exercises: string[] }[];
}

/**
 * Minimum mistake banks by exercise id: 5 for the three core batch-norm
 * exercises, 1 for any other (a new exercise can be checked as soon as it
 * has one); fewer than RECOMMENDED_MISTAKES is a warning.
 */
export const MIN_MISTAKES: Readonly<Record<string, number>> = {
  "batchnorm-forward": 5,
  "batchnorm-backward": 5,
  "batchnorm-inference": 5,
};
export const DEFAULT_MIN_MISTAKES = 1;
export const RECOMMENDED_MISTAKES = 5;
export const PUBLIC_TESTS = { min: 3, max: 6 } as const;

export function minMistakes(id: string): number {
  return MIN_MISTAKES[id] ?? DEFAULT_MIN_MISTAKES;
}

/** Problems with one exercise's content; each message names the file. */
export function staticChecks(ex: LoadedExercise, course: CourseOutline | null): string[] {
  const id = ex.spec.id;
  const errors: string[] = [];

  if (course) {
    // membership is declared once, in course.json (modules[].exercises)
    const modules = course.modules.filter((m) => m.exercises.includes(id));
    if (modules.length === 0) errors.push(`exercises/course.json: no module lists exercise "${id}"`);
    if (modules.length > 1) errors.push(`exercises/course.json: exercise "${id}" is listed in ${modules.length} modules (${modules.map((m) => m.id).join(", ")}); list it in one`);
  }

  if (!ex.prompt.includes(ex.spec.entry)) errors.push(`${id}/prompt.md: never mentions the entry \`${ex.spec.entry}\``);
  for (const name of Object.keys(ex.spec.otherEntries ?? {})) {
    if (!ex.prompt.includes(name)) errors.push(`${id}/prompt.md: never mentions \`${name}\` (one of exercise.json's otherEntries, which students must write too)`);
  }

  const publicTests = ex.tests.filter((t) => t.visibility === "public");
  const hiddenTests = ex.tests.filter((t) => t.visibility === "hidden");
  if (publicTests.length < PUBLIC_TESTS.min || publicTests.length > PUBLIC_TESTS.max) {
    errors.push(`${id}/tests.ts: has ${publicTests.length} public tests; use ${PUBLIC_TESTS.min}–${PUBLIC_TESTS.max}`);
  }
  const points = (tests: typeof ex.tests) => tests.reduce((sum, t) => sum + t.points, 0);
  if (points(hiddenTests) <= points(publicTests)) {
    errors.push(`${id}/tests.ts: hidden tests are worth ${points(hiddenTests)} points, public ${points(publicTests)}; hidden tests must be worth most of the points`);
  }
  for (const t of hiddenTests) {
    if (!t.hint) errors.push(`${id}/tests.ts: hidden test "${t.id}" needs a hint (students see only its name, verdict and hint)`);
  }
  const names = new Map<string, string>();
  for (const t of ex.tests) {
    const other = names.get(t.name);
    if (other) errors.push(`${id}/tests.ts: tests "${other}" and "${t.id}" share the name "${t.name}"`);
    names.set(t.name, t.id);
  }

  const min = minMistakes(id);
  if (ex.mistakes.length < min) errors.push(
      `${id}/mistakes/: has ${ex.mistakes.length} known mistakes; at least ${min} are required for this exercise (5 for batchnorm-forward, -backward and -inference, 1 for any other)`,
    );
  return errors;
}

/** Folders and course.json must agree: every listed exercise exists, every folder is listed. */
export function courseConsistency(folders: string[], course: CourseOutline): string[] {
  const listed = course.modules.flatMap((m) => m.exercises);
  const errors: string[] = [];
  for (const id of listed) if (!folders.includes(id)) errors.push(`exercises/course.json: exercise "${id}" has no folder exercises/${id}/ with an exercise.json`);
  for (const id of folders) if (!listed.includes(id)) errors.push(`exercises/${id}/: not listed in any module of exercises/course.json`);
  return errors;
}
