/**
 * Reading submissions. A submission is visible to its owner and to
 * instructors; anyone else gets null (the API answers 404, so ids of other
 * students' submissions are not confirmed to exist).
 */
import "server-only";
import { db } from "@/lib/db";
import { type SubmissionView, toSubmissionView } from "./submission-view";

export interface Viewer {
  id: string;
  role: "student" | "instructor";
}

export async function getSubmissionForViewer(id: string, viewer: Viewer): Promise<SubmissionView | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const row = await db.submission.findUnique({ where: { id } });
  if (!row) return null;
  if (row.userId !== viewer.id && viewer.role !== "instructor") return null;
  return toSubmissionView(row);
}

export interface HistoryEntry {
  id: string;
  createdAt: string;
  status: string;
  verdict: string | null;
  score: number | null;
  language: string;
  code: string;
}

/** The student's own submissions (mode "submit") to one exercise, newest first. */
export async function listSubmissionHistory(userId: string, exerciseId: string, limit = 50): Promise<HistoryEntry[]> {
  const rows = await db.submission.findMany({
    where: { userId, exerciseId, mode: "submit" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, createdAt: true, status: true, verdict: true, score: true, language: true, code: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
