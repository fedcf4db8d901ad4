/**
 * The misconceptions the grader detected in one student's own code, per
 * (exercise, misconception): how many graded submissions and how many
 * practice Runs showed it (counted apart: a Run is not an attempt), when it
 * was last seen, and whether it is resolved — a later graded Run or
 * submission of the same exercise no longer shows it. The explanation and
 * lesson link come from the latest report that carried it.
 */
import { describeMisconception } from "@/lib/analytics/exercise-stats";
import { db } from "@/lib/db";

export interface StudentMisconception {
  exerciseId: string;
  misconceptionId: string;
  /** graded submissions (mode "submit") that showed it */
  submissions: number;
  /** practice Runs that showed it */
  runs: number;
  lastSeen: Date;
  /** a later graded Run or submission of this exercise no longer shows it */
  resolved: boolean;
  message: string | null;
  lesson: string | null;
}

export async function getStudentMisconceptions(userId: string): Promise<StudentMisconception[]> {
  const [rows, latestGraded] = await Promise.all([
    db.submissionMisconception.findMany({
      where: { userId },
      select: { exerciseId: true, misconceptionId: true, submission: { select: { mode: true, createdAt: true } } },
    }),
    db.submission.groupBy({ by: ["exerciseId"], where: { userId, status: "graded" }, _max: { createdAt: true } }),
  ]);
  const newest = new Map(latestGraded.map((g) => [g.exerciseId, g._max.createdAt?.getTime() ?? 0]));
  const groups = new Map<string, Omit<StudentMisconception, "resolved" | "message" | "lesson">>();
  for (const row of rows) {
    const key = `${row.exerciseId}/${row.misconceptionId}`;
    const group = groups.get(key) ?? { exerciseId: row.exerciseId, misconceptionId: row.misconceptionId, submissions: 0, runs: 0, lastSeen: new Date(0) };
    if (row.submission.mode === "submit") group.submissions++;
    else group.runs++;
    if (row.submission.createdAt > group.lastSeen) group.lastSeen = row.submission.createdAt;
    groups.set(key, group);
  }
  const described = await Promise.all(
    [...groups.values()].map(async (g) => {
      const info = await describeMisconception(g.exerciseId, g.misconceptionId, userId);
      return {
        ...g,
        resolved: (newest.get(g.exerciseId) ?? 0) > g.lastSeen.getTime(),
        message: info?.message ?? null,
        lesson: info?.lesson ?? null,
      };
    }),
  );
  // Open ones first, then the most often seen.
  return described.sort(
    (a, b) => Number(a.resolved) - Number(b.resolved) || b.submissions + b.runs - (a.submissions + a.runs) || a.exerciseId.localeCompare(b.exerciseId),
  );
}
