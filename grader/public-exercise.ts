/**
 * What the web app may show about an exercise: never the reference, hidden
 * inputs, hidden hints or the mistakes.
 */
import { z } from "zod";
import type { LoadedExercise } from "./load-exercise";
import { ExerciseSpecSchema, LimitsSchema } from "./schema";

export const PublicExerciseSchema = z.object({
  id: z.string(),
  title: z.string(),
  module: z.string(),
  kind: ExerciseSpecSchema.shape.kind,
  entry: z.string(),
  /** the entry's parameter names, to label a public test's inputs */
  params: z.array(z.string()).optional(),
  languages: ExerciseSpecSchema.shape.languages,
  lesson: z.string(),
  /** markdown with KaTeX math */
  prompt: z.string(),
  starter: z.string(),
  publicTests: z.array(z.object({ id: z.string(), name: z.string(), hint: z.string().optional(), points: z.number() })),
  hiddenTests: z.array(z.object({ id: z.string(), name: z.string(), points: z.number() })),
  totalPoints: z.number(),
  limits: LimitsSchema,
});
export type PublicExercise = z.infer<typeof PublicExerciseSchema>;

export function toPublicExercise(exercise: LoadedExercise): PublicExercise {
  const { spec, tests } = exercise;
  return {
    id: spec.id,
    title: spec.title,
    module: spec.module,
    kind: spec.kind,
    entry: spec.entry,
    ...(spec.params ? { params: spec.params } : {}),
    languages: spec.languages,
    lesson: spec.lesson,
    prompt: exercise.prompt,
    starter: exercise.starter,
    publicTests: tests
      .filter((t) => t.visibility === "public")
      .map((t) => ({ id: t.id, name: t.name, points: t.points, ...(t.hint ? { hint: t.hint } : {}) })),
    hiddenTests: tests.filter((t) => t.visibility === "hidden").map((t) => ({ id: t.id, name: t.name, points: t.points })),
    totalPoints: tests.reduce((sum, t) => sum + t.points, 0),
    limits: spec.limits,
  };
}
