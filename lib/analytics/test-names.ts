/**
 * Display names of an exercise's tests, taken from the newest submit report
 * (reports carry every executed test's id and name). Reading one row keeps
 * the web server from loading the exercise's TypeScript files or starting the
 * grader pool just to label a table.
 */
import { db } from "@/lib/db";
import { parseReport } from "./student-detail";

export async function testNamesFromReports(exerciseId: string): Promise<Map<string, string>> {
  const latest = await db.submission.findFirst({
    where: { exerciseId, mode: "submit", status: "graded" },
    orderBy: { createdAt: "desc" },
    select: { report: true },
  });
  const report = parseReport(latest?.report ?? null);
  return new Map((report?.tests ?? []).map((t) => [t.id, t.name]));
}
