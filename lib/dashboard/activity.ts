/**
 * A student's recent activity across the course: graded submissions, quiz
 * attempts (started or submitted), lessons read and drafts saved, newest
 * first. Each source is read with a LIMIT through its (userId, …) index, so
 * the cost does not grow with the student's history.
 */
import { formatPoints } from "@/lib/analytics/format";
import { db } from "@/lib/db";
import { formatPercent } from "@/lib/format/percent";

export type ActivityKind = "submission" | "quiz-submitted" | "quiz-started" | "lesson-read" | "draft";

export interface Activity {
  kind: ActivityKind;
  /** the lesson, quiz or exercise id */
  itemId: string;
  at: Date;
  /** what a student would call it: "Submitted batchnorm-forward — passed (100%)" */
  summary: string;
  href: string;
}

function percent(score: number | null | undefined, max = 1): string {
  if (score === null || score === undefined || !max) return "";
  return ` (${formatPercent(score / max)})`;
}

export async function getRecentActivity(userId: string, limit = 10): Promise<Activity[]> {
  const [submissions, attempts, lessons, drafts] = await Promise.all([
    db.submission.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { exerciseId: true, mode: true, status: true, verdict: true, score: true, createdAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { startedAt: "desc" },
      take: limit,
      select: { quizId: true, status: true, score: true, maxScore: true, startedAt: true, submittedAt: true },
    }),
    db.lessonProgress.findMany({ where: { userId }, orderBy: { readAt: "desc" }, take: limit, select: { lessonId: true, readAt: true } }),
    db.draft.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, take: limit, select: { exerciseId: true, updatedAt: true } }),
  ]);
  const all: Activity[] = [
    ...submissions.map((s) => ({
      kind: "submission" as const,
      itemId: s.exerciseId,
      at: s.createdAt,
      summary:
        `${s.mode === "submit" ? "Submitted" : "Ran"} ${s.exerciseId} — ` +
        (s.status === "graded" ? `${s.verdict ?? "graded"}${percent(s.score)}` : s.status),
      href: `/exercises/${s.exerciseId}`,
    })),
    ...attempts.map((a) =>
      a.status === "submitted"
        ? {
            kind: "quiz-submitted" as const,
            itemId: a.quizId,
            at: a.submittedAt ?? a.startedAt,
            summary: `Took quiz ${a.quizId} — ${formatPoints(a.score ?? 0)}/${formatPoints(a.maxScore ?? 0)}`,
            href: `/quizzes/${a.quizId}`,
          }
        : { kind: "quiz-started" as const, itemId: a.quizId, at: a.startedAt, summary: `Started quiz ${a.quizId}`, href: `/quizzes/${a.quizId}` },
    ),
    ...lessons.map((l) => ({ kind: "lesson-read" as const, itemId: l.lessonId, at: l.readAt, summary: `Read lesson ${l.lessonId}`, href: `/lessons/${l.lessonId}` })),
    ...drafts.map((d) => ({ kind: "draft" as const, itemId: d.exerciseId, at: d.updatedAt, summary: `Worked on ${d.exerciseId}`, href: `/exercises/${d.exerciseId}` })),
  ];
  return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
