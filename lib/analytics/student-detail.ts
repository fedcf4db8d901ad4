/**
 * Drill-down into one student for instructors: their quiz attempts (with
 * per-attempt correct counts, aggregated in the database) and every
 * submission with its code and GradeReport. Reading one student's full rows
 * is bounded by that student's own activity.
 */
import { db } from "@/lib/db";
import type { GradeReport } from "@/grader/contract/schema";
import { publicReport } from "@/lib/submissions/submission-view";

export interface StudentQuizAttempt {
  id: string;
  quizId: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  startedAt: Date;
  submittedAt: Date | null;
  correctAnswers: number;
  answers: number;
}

export interface StudentSubmission {
  id: string;
  exerciseId: string;
  mode: string;
  language: string;
  status: string;
  verdict: string | null;
  score: number | null;
  gradingMs: number | null;
  createdAt: Date;
  code: string;
  /** null when missing or not a valid GradeReport */
  report: GradeReport | null;
}

export interface StudentDetail {
  user: { id: string; name: string; email: string; role: string; createdAt: Date };
  quizAttempts: StudentQuizAttempt[];
  submissions: StudentSubmission[];
  lessonsRead: { lessonId: string; readAt: Date }[];
}

/** The stored report, validated; hidden entries of reports from older graders are rebuilt to today's category-only form. */
export function parseReport(text: string | null): GradeReport | null {
  return publicReport(text);
}

export async function getStudentDetail(userId: string): Promise<StudentDetail | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
  if (!user) return null;
  const [attempts, answerCounts, submissions, lessons] = await Promise.all([
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { startedAt: "desc" },
      select: { id: true, quizId: true, status: true, score: true, maxScore: true, startedAt: true, submittedAt: true },
    }),
    db.quizAnswer.groupBy({ by: ["attemptId", "correct"], where: { attempt: { userId } }, _count: { _all: true } }),
    db.submission.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        exerciseId: true,
        mode: true,
        language: true,
        status: true,
        verdict: true,
        score: true,
        gradingMs: true,
        createdAt: true,
        code: true,
        report: true,
      },
    }),
    db.lessonProgress.findMany({ where: { userId }, orderBy: { readAt: "asc" }, select: { lessonId: true, readAt: true } }),
  ]);
  return {
    user,
    quizAttempts: attempts.map((a) => {
      const rows = answerCounts.filter((c) => c.attemptId === a.id);
      return {
        ...a,
        correctAnswers: rows.filter((r) => r.correct).reduce((s, r) => s + r._count._all, 0),
        answers: rows.reduce((s, r) => s + r._count._all, 0),
      };
    }),
    submissions: submissions.map((s) => ({ ...s, report: parseReport(s.report) })),
    lessonsRead: lessons,
  };
}
