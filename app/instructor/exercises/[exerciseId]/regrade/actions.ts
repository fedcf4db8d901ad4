"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireInstructor } from "@/lib/auth/session";
import { findExercise } from "@/lib/content/manifest";
import { applyRegrade, discardRegrade, latestJob, pauseRegrade, RegradeStateError, resumeRegrade, startRegrade } from "@/lib/regrade/jobs";
import { runRegrade } from "@/lib/regrade/runner";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

export interface RegradeActionState {
  error?: string;
  message?: string;
}

const InputSchema = z.object({
  exerciseId: z.string().regex(KEBAB_ID),
  intent: z.enum(["start", "pause", "resume", "apply", "discard"]),
  jobId: z.string().max(64).optional(),
});

function background(jobId: string): void {
  runRegrade(jobId).catch((e) => console.error(`Regrade ${jobId} stopped:`, e));
}

/** One form, five buttons (the pressed button's name="intent" says which). Instructors only. */
export async function regradeAction(_prev: RegradeActionState, formData: FormData): Promise<RegradeActionState> {
  const actor = await requireInstructor("/instructor");
  const parsed = InputSchema.safeParse({
    exerciseId: formData.get("exerciseId"),
    intent: formData.get("intent"),
    jobId: formData.get("jobId") || undefined,
  });
  if (!parsed.success) return { error: "Invalid request." };
  const { exerciseId, intent, jobId } = parsed.data;
  const exercise = await findExercise(exerciseId);
  if (!exercise) return { error: "No such exercise." };
  try {
    if (intent === "start") {
      const job = await startRegrade(exercise.id, exercise.contentHash, actor.id);
      if (job.status === "running") background(job.id);
    } else {
      // the job must be this exercise's (the form names both)
      if (!jobId || (await latestJob(exercise.id))?.id !== jobId) return { error: "That regrade is not this exercise's latest." };
      if (intent === "pause") await pauseRegrade(jobId);
      if (intent === "resume") {
        await resumeRegrade(jobId);
        background(jobId);
      }
      if (intent === "discard") await discardRegrade(jobId);
      if (intent === "apply") await applyRegrade(jobId);
    }
  } catch (e) {
    if (e instanceof RegradeStateError) return { error: e.message };
    throw e;
  }
  revalidatePath(`/instructor/exercises/${exerciseId}/regrade`);
  const messages = { start: "Regrade started.", pause: "Regrade paused.", resume: "Regrade resumed.", apply: "New results applied.", discard: "Regrade discarded." };
  return { message: messages[intent] };
}
