/**
 * One exercise as the public manifest carries it, from the loaded (trusted)
 * exercise: starters transpiled and editor declarations derived here, at
 * build time, so no request ever runs a TypeScript transform. Only what a
 * student may see is copied: hidden tests keep id, name and points.
 */
import type { LoadedExercise } from "@/grader/content/load-exercise";
import type { ManifestExercise } from "../manifest-schema";
import { editorDeclarations } from "./editor-declarations";
import { javascriptStarter } from "./javascript-starter";

export function exerciseEntry(exercise: LoadedExercise, moduleId: string): ManifestExercise {
  const { spec, tests } = exercise;
  return {
    id: spec.id,
    title: spec.title,
    module: moduleId,
    kind: spec.kind,
    entry: spec.entry,
    ...(spec.params ? { params: spec.params } : {}),
    languages: spec.languages,
    lesson: spec.lesson,
    prompt: exercise.prompt,
    starters: { typescript: exercise.starter, javascript: javascriptStarter(exercise.starter) },
    declarations: editorDeclarations(exercise.starter, spec.entry),
    publicTests: tests
      .filter((t) => t.visibility === "public")
      .map((t) => ({ id: t.id, name: t.name, points: t.points, ...(t.hint ? { hint: t.hint } : {}) })),
    hiddenTests: tests.filter((t) => t.visibility === "hidden").map((t) => ({ id: t.id, name: t.name, points: t.points })),
    misconceptions: exercise.mistakes.map((m) => ({ id: m.id, message: m.message, lesson: m.lesson })),
    totalPoints: tests.reduce((sum, t) => sum + t.points, 0),
    limits: spec.limits,
    contentHash: exercise.contentHash,
  };
}
