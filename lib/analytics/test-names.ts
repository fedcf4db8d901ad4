/**
 * Display names of an exercise's tests: from the content manifest (every
 * current test, before anyone submits). Only a test the content no longer
 * has (removed since) is named from the newest submit report that ran it.
 */
import { findExercise } from "@/lib/content/manifest";
import { db } from "@/lib/db";
import { parseReport } from "./student-detail";

export async function exerciseTestNames(exerciseId: string, testIds: string[] = []): Promise<Map<string, string>> {
  const exercise = await findExercise(exerciseId);
  const names = new Map([...(exercise?.publicTests ?? []), ...(exercise?.hiddenTests ?? [])].map((t) => [t.id, t.name]));
  if (testIds.every((id) => names.has(id))) return names;
  const latest = await db.submission.findFirst({
    where: { exerciseId, mode: "submit", status: "graded" },
    orderBy: { createdAt: "desc" },
    select: { report: true },
  });
  for (const t of parseReport(latest?.report ?? null)?.tests ?? []) if (!names.has(t.id)) names.set(t.id, t.name);
  return names;
}
