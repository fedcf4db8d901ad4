/**
 * The misconceptions the grader detected in one student's own submissions:
 * counted per (exercise, misconception) in the database, each with the
 * grader's explanation and lesson link taken from the latest report that
 * carried it.
 */
import { describeMisconception } from "@/lib/analytics/exercise-stats";
import { db } from "@/lib/db";

export interface StudentMisconception {
  exerciseId: string;
  misconceptionId: string;
  detections: number;
  message: string | null;
  lesson: string | null;
}

export async function getStudentMisconceptions(userId: string): Promise<StudentMisconception[]> {
  const groups = await db.submissionMisconception.groupBy({
    by: ["exerciseId", "misconceptionId"],
    where: { userId },
    _count: { _all: true },
  });
  const described = await Promise.all(
    groups.map(async (g) => {
      const info = await describeMisconception(g.exerciseId, g.misconceptionId, userId);
      return {
        exerciseId: g.exerciseId,
        misconceptionId: g.misconceptionId,
        detections: g._count._all,
        message: info?.message ?? null,
        lesson: info?.lesson ?? null,
      };
    }),
  );
  return described.sort((a, b) => b.detections - a.detections || a.exerciseId.localeCompare(b.exerciseId));
}
