/** Lesson progress: a lesson is read once the student reached its end or marked it. */
import { refreshItemTally } from "@/lib/analytics/tallies/item-tally";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export async function markLessonRead(userId: string, lessonId: string): Promise<void> {
  // Upsert with an empty update keeps the FIRST read time when it is marked again. Prisma runs such
  // an upsert as read-then-insert, so on PostgreSQL two concurrent first reads can both insert: the
  // loser's transaction is rolled back and run once more, when its read finds the winner's row.
  for (let attempt = 0; ; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        await tx.lessonProgress.upsert({ where: { userId_lessonId: { userId, lessonId } }, create: { userId, lessonId }, update: {} });
        await refreshItemTally(tx, userId, "lesson", lessonId);
      });
      return;
    } catch (e) {
      if (attempt > 0 || !(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    }
  }
}

export async function isLessonRead(userId: string, lessonId: string): Promise<boolean> {
  return (await db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } } })) !== null;
}

export async function readLessonIds(userId: string): Promise<Set<string>> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } });
  return new Set(rows.map((r) => r.lessonId));
}
