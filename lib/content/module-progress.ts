/**
 * Per-module progress of one student, for the home page and dashboards:
 * lesson read, quiz best/latest, and each exercise's status from submissions
 * (only mode "submit" counts; "passed" means a submit with verdict "passed").
 */
import { db } from "@/lib/db";
import { readLessonIds } from "@/lib/lessons/progress";
import { type AttemptSummary, getAllQuizHistories } from "@/lib/quiz/attempts";
import { courseOutline } from "./manifest";

export type ExerciseStatus = "not-started" | "attempted" | "passed";

export interface ExerciseProgress {
  id: string;
  status: ExerciseStatus;
  /** best score over graded submits, null when there is none */
  bestScore: number | null;
  /** score of the most recent graded submit, null when there is none */
  latestScore?: number | null;
  attempts: number;
}

export interface ModuleProgress {
  moduleId: string;
  title: string;
  lessonId: string;
  quizId: string;
  lessonRead: boolean;
  quizBest: AttemptSummary | null;
  quizLatest: AttemptSummary | null;
  quizAttempts: number;
  exercises: ExerciseProgress[];
}

export function exerciseProgress(id: string, submits: { score: number | null; verdict: string | null; createdAt?: Date }[]): ExerciseProgress {
  const scores = submits.map((s) => s.score).filter((s): s is number => s !== null);
  const status: ExerciseStatus = submits.some((s) => s.verdict === "passed") ? "passed" : submits.length ? "attempted" : "not-started";
  const graded = submits.filter((s) => s.score !== null);
  const latest = graded.reduce<(typeof graded)[number] | undefined>(
    (newest, s) => (!newest || (s.createdAt?.getTime() ?? 0) >= (newest.createdAt?.getTime() ?? 0) ? s : newest),
    undefined,
  );
  return { id, status, bestScore: scores.length ? Math.max(...scores) : null, latestScore: latest?.score ?? null, attempts: submits.length };
}

export async function getModuleProgress(userId: string): Promise<ModuleProgress[]> {
  const course = await courseOutline();
  const exerciseIds = course.modules.flatMap((m) => m.exercises);
  const [read, quizzes, submissions] = await Promise.all([
    readLessonIds(userId),
    getAllQuizHistories(userId),
    db.submission.findMany({
      where: { userId, mode: "submit", exerciseId: { in: exerciseIds } },
      select: { exerciseId: true, score: true, verdict: true, createdAt: true },
    }),
  ]);
  return course.modules.map((m) => {
    const history = quizzes.get(m.quiz);
    return {
      moduleId: m.id,
      title: m.title,
      lessonId: m.lesson,
      quizId: m.quiz,
      lessonRead: read.has(m.lesson),
      quizBest: history?.best ?? null,
      quizLatest: history?.latest ?? null,
      quizAttempts: history?.attempts ?? 0,
      exercises: m.exercises.map((id) => exerciseProgress(id, submissions.filter((s) => s.exerciseId === id))),
    };
  });
}
