import { findExercise } from "@/lib/content/manifest";
import { ExerciseIdSchema } from "./submission-input";

/** True for the id of an exercise in the content manifest; never looks one up for a malformed id. */
export async function isKnownExercise(exerciseId: string): Promise<boolean> {
  return ExerciseIdSchema.safeParse(exerciseId).success && (await findExercise(exerciseId)) !== undefined;
}
