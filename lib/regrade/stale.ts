/**
 * Which submits were graded against content other than the exercise's
 * current content (the manifest's hash): a report is read against the content
 * that produced it, and these are the ones a regrade would change. Practice
 * Runs are not regraded (they never reach the dashboards).
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export function staleSubmitsWhere(exerciseId: string, currentHash: string): Prisma.SubmissionWhereInput {
  return {
    exerciseId,
    mode: "submit",
    status: "graded",
    OR: [{ contentHash: null }, { contentHash: { not: currentHash } }],
  };
}

export function countStaleSubmits(exerciseId: string, currentHash: string): Promise<number> {
  return db.submission.count({ where: staleSubmitsWhere(exerciseId, currentHash) });
}

export function staleSummary(count: number): string {
  return `${count} ${count === 1 ? "submission" : "submissions"} graded against older content`;
}
