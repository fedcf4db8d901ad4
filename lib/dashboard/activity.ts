/**
 * A student's recent activity across the course, in words: graded
 * submissions and practice runs, quiz attempts (started or submitted) and
 * lessons read, newest first, each named by its title. Draft saves are read
 * too (they tell "continue where you left off" what was touched last) but
 * are not listed: every keystroke pause saves one. Each source is read with
 * a LIMIT through its (userId, …) index, so the cost does not grow with the
 * student's history.
 */
import { formatPoints } from "@/lib/analytics/format";
import { idAsTitle, type TitleOf } from "@/lib/course-nav/next-step";
import { db } from "@/lib/db";
import { formatPercent } from "@/lib/format/percent";

export type ActivityKind = "submission" | "run" | "quiz-submitted" | "quiz-started" | "lesson-read" | "draft";

export interface Activity {
  kind: ActivityKind;
  /** the lesson, quiz or exercise id */
  itemId: string;
  at: Date;
  /** what a student would call it: "Submitted Batch norm forward pass: passed, 100%" */
  summary: string;
  href: string;
}

/** Listed on the dashboard; drafts only steer "continue". */
export const isListed = (a: Activity) => a.kind !== "draft";

function outcome(s: { mode: string; status: string; verdict: string | null; score: number | null }): string {
  if (s.status === "queued" || s.status === "running") return "still being graded";
  if (s.status !== "graded") return "could not be graded";
  if (s.mode === "run") return s.verdict === "passed" ? "all public tests pass" : "some public tests fail";
  return `${s.verdict === "passed" ? "passed" : "not yet passing"}, ${formatPercent(s.score)}`;
}

export async function getRecentActivity(userId: string, limit = 10, title: TitleOf = idAsTitle): Promise<Activity[]> {
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
  const exercise = (id: string) => title({ kind: "exercise", id });
  const quiz = (id: string) => title({ kind: "quiz", id });
  const all: Activity[] = [
    ...submissions.map((s) => ({
      kind: s.mode === "submit" ? ("submission" as const) : ("run" as const),
      itemId: s.exerciseId,
      at: s.createdAt,
      summary: `${s.mode === "submit" ? "Submitted" : "Practice run of"} ${exercise(s.exerciseId)}: ${outcome(s)}`,
      href: `/exercises/${s.exerciseId}`,
    })),
    ...attempts.map((a) =>
      a.status === "submitted"
        ? {
            kind: "quiz-submitted" as const,
            itemId: a.quizId,
            at: a.submittedAt ?? a.startedAt,
            summary: `Took ${quiz(a.quizId)}: ${formatPoints(a.score ?? 0)} of ${formatPoints(a.maxScore ?? 0)} points (${formatPercent((a.score ?? 0) / (a.maxScore || 1))})`,
            href: `/quizzes/${a.quizId}`,
          }
        : { kind: "quiz-started" as const, itemId: a.quizId, at: a.startedAt, summary: `Started ${quiz(a.quizId)}`, href: `/quizzes/${a.quizId}` },
    ),
    ...lessons.map((l) => ({
      kind: "lesson-read" as const,
      itemId: l.lessonId,
      at: l.readAt,
      summary: `Read the lesson ${title({ kind: "lesson", id: l.lessonId })}`,
      href: `/lessons/${l.lessonId}`,
    })),
    ...drafts.map((d) => ({ kind: "draft" as const, itemId: d.exerciseId, at: d.updatedAt, summary: `Edited ${exercise(d.exerciseId)}`, href: `/exercises/${d.exerciseId}` })),
  ];
  return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
