"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { courseOutline } from "@/lib/content/manifest";
import { markLessonRead } from "@/lib/lessons/progress";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

const lessonIdSchema = z.string().regex(KEBAB_ID).max(80);

/** Marks a lesson read for the signed-in student. Returns whether it was recorded. */
export async function markLessonReadAction(lessonId: unknown): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false };
  const parsed = lessonIdSchema.safeParse(lessonId);
  if (!parsed.success || !(await courseOutline()).modules.some((m) => m.lesson === parsed.data)) return { ok: false };
  await markLessonRead(user.id, parsed.data);
  revalidatePath("/");
  revalidatePath("/lessons");
  return { ok: true };
}
