/**
 * What a regrade changed, per student: every regraded submit whose verdict or
 * score differs, with who submitted it — shown before the results are applied.
 */
import "server-only";
import { db } from "@/lib/db";

export interface RegradeChange {
  submissionId: string;
  userId: string;
  studentName: string;
  studentEmail: string;
  submittedAt: Date;
  oldVerdict: string | null;
  newVerdict: string | null;
  oldScore: number | null;
  newScore: number | null;
}

export interface RegradeChanges {
  changes: RegradeChange[];
  passedToFailed: number;
  failedToPassed: number;
  scoreOnly: number;
  unchanged: number;
}

const passed = (verdict: string | null) => verdict === "passed";

export async function regradeChanges(jobId: string): Promise<RegradeChanges> {
  const results = await db.regradeResult.findMany({
    where: { jobId, status: "graded" },
    include: { submission: { select: { createdAt: true, user: { select: { name: true, email: true } } } } },
  });
  const changes: RegradeChange[] = [];
  let unchanged = 0;
  for (const r of results) {
    if (r.oldVerdict === r.newVerdict && r.oldScore === r.newScore) {
      unchanged++;
      continue;
    }
    changes.push({
      submissionId: r.submissionId,
      userId: r.userId,
      studentName: r.submission.user.name,
      studentEmail: r.submission.user.email,
      submittedAt: r.submission.createdAt,
      oldVerdict: r.oldVerdict,
      newVerdict: r.newVerdict,
      oldScore: r.oldScore,
      newScore: r.newScore,
    });
  }
  changes.sort((a, b) => a.studentName.localeCompare(b.studentName) || a.submittedAt.getTime() - b.submittedAt.getTime());
  return {
    changes,
    passedToFailed: changes.filter((c) => passed(c.oldVerdict) && !passed(c.newVerdict)).length,
    failedToPassed: changes.filter((c) => !passed(c.oldVerdict) && passed(c.newVerdict)).length,
    scoreOnly: changes.filter((c) => passed(c.oldVerdict) === passed(c.newVerdict)).length,
    unchanged,
  };
}
