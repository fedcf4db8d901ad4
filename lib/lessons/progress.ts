/** Lesson progress: a lesson is read once the student reached its end or marked it. */
import { refreshItemTally } from "@/lib/analytics/tallies/item-tally";
import { db } from "@/lib/db";

export async function markLessonRead(userId: string, lessonId: string): Promise<void> {
  // Upsert with an empty update keeps the FIRST read time when it is marked again.
  await db.$transaction(async (tx) => {
    await tx.lessonProgress.upsert({ where: { userId_lessonId: { userId, lessonId } }, create: { userId, lessonId }, update: {} });
    await refreshItemTally(tx, userId, "lesson", lessonId);
  });
}

export async function isLessonRead(userId: string, lessonId: string): Promise<boolean> {
  return (await db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } } })) !== null;
}

export async function readLessonIds(userId: string): Promise<Set<string>> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } });
  return new Set(rows.map((r) => r.lessonId));
}
