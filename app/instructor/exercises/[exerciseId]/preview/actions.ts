"use server";

import { z } from "zod";
import { KebabIdSchema, type Language, LanguageSchema } from "@/grader/contract/vocabulary";
import { exercisePreview, PreviewError } from "@/lib/authoring/exercise-preview";
import { gradePasted, type PastedGrading } from "@/lib/authoring/grade-pasted";
import { requireInstructor } from "@/lib/auth/session";
import { findExercise } from "@/lib/content/manifest";

export interface PasteGradeState {
  error?: string;
  result?: PastedGrading;
  /** the code graded, so the form keeps it */
  code?: string;
  language?: Language;
}

const InputSchema = z.object({
  exerciseId: KebabIdSchema,
  language: LanguageSchema,
  code: z.string().min(1, "Paste a solution first.").max(100_000, "A solution is limited to 100 000 characters."),
});

/**
 * Grades a pasted solution as a student's submission (sandboxed pool) and
 * returns the student's view and the author view. The author view carries
 * hidden inputs, expected values and hints: instructors only, checked here.
 */
export async function gradePastedAction(_prev: PasteGradeState, formData: FormData): Promise<PasteGradeState> {
  await requireInstructor("/instructor");
  const parsed = InputSchema.safeParse({ exerciseId: formData.get("exerciseId"), language: formData.get("language"), code: formData.get("code") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid request." };
  const { exerciseId, language, code } = parsed.data;
  const exercise = await findExercise(exerciseId);
  if (!exercise) return { error: "No such exercise." };
  if (!exercise.languages.includes(language)) return { error: `This exercise takes ${exercise.languages.join(" or ")}.`, code, language };
  try {
    const preview = await exercisePreview(exercise.id, exercise.contentHash);
    return { result: await gradePasted(preview, code, language), code, language };
  } catch (e) {
    if (e instanceof PreviewError) return { error: e.message, code, language };
    throw e;
  }
}
