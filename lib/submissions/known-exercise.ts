import { listExerciseIds } from "@/grader";
import { ExerciseIdSchema } from "./submission-input";

/** True for the id of an exercise folder; never touches the disk for a malformed id. */
export async function isKnownExercise(exerciseId: string): Promise<boolean> {
  return ExerciseIdSchema.safeParse(exerciseId).success && (await listExerciseIds()).includes(exerciseId);
}
