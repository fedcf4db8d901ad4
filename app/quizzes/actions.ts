"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { AttemptNotFoundError, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { rawResponsesSchema } from "@/lib/quiz/grade";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

const quizIdSchema = z.string().regex(KEBAB_ID).max(80);
const attemptIdSchema = z.string().min(1).max(64);
/** Set by the form's script to the browser locale's decimal separator; "." without JavaScript. */
const decimalSchema = z.enum([".", ","]).catch(".");

/** Starts a new attempt (or resumes the open one) and shows it. */
export async function startQuizAction(formData: FormData): Promise<void> {
  const quizId = quizIdSchema.safeParse(formData.get("quizId"));
  if (!quizId.success) redirect("/lessons");
  const user = await requireUser(`/quizzes/${quizId.data}`);
  await startOrResumeAttempt(user.id, quizId.data);
  revalidatePath(`/quizzes/${quizId.data}`);
  redirect(`/quizzes/${quizId.data}`);
}

/** Form fields named "q:<question id>" carry the answers; the rest is ignored. */
function responsesFrom(formData: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("q:") || typeof value !== "string") continue;
    const id = key.slice(2);
    out[id] = [...(out[id] ?? []), value];
  }
  return out;
}

export async function submitQuizAction(formData: FormData): Promise<void> {
  const quizId = quizIdSchema.safeParse(formData.get("quizId"));
  const attemptId = attemptIdSchema.safeParse(formData.get("attemptId"));
  if (!quizId.success || !attemptId.success) redirect("/lessons");
  const user = await requireUser(`/quizzes/${quizId.data}`);
  const responses = rawResponsesSchema.safeParse(responsesFrom(formData));
  if (!responses.success) redirect(`/quizzes/${quizId.data}?error=invalid`);
  try {
    await submitAttempt(user.id, attemptId.data, responses.data, decimalSchema.parse(formData.get("decimalSeparator")));
  } catch (error) {
    // Already submitted (double click, second tab) or not this user's attempt: show the quiz page.
    if (error instanceof AttemptNotFoundError) redirect(`/quizzes/${quizId.data}`);
    throw error;
  }
  revalidatePath(`/quizzes/${quizId.data}`);
  revalidatePath("/lessons");
  revalidatePath("/");
  redirect(`/quizzes/${quizId.data}?attempt=${encodeURIComponent(attemptId.data)}`);
}
