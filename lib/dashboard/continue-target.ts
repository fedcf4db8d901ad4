/**
 * "Continue where you left off": where the student's next click should go.
 * 1. The item of the most recent activity, if it is unfinished: an exercise
 *    not yet passed (a run, a failing submit or a draft) or a quiz attempt
 *    still open.
 * 2. Otherwise the first unfinished item in course order: a lesson not read,
 *    a quiz never submitted, an exercise not passed.
 * 3. Nothing when the whole course is done.
 */
import type { ModuleProgress } from "@/lib/content/module-progress";
import { idAsTitle, type TitleOf } from "@/lib/course-nav/next-step";
import type { Activity } from "./activity";

export interface ContinueTarget {
  href: string;
  label: string;
  reason: "resume" | "next";
}

export function continueTarget(modules: ModuleProgress[], recent: Activity[], title: TitleOf = idAsTitle): ContinueTarget | null {
  const latest = recent[0];
  if (latest) {
    if (latest.kind === "quiz-started") return { href: latest.href, label: `Resume the quiz: ${title({ kind: "quiz", id: latest.itemId })}`, reason: "resume" };
    if (latest.kind === "submission" || latest.kind === "run" || latest.kind === "draft") {
      const exercise = modules.flatMap((m) => m.exercises).find((e) => e.id === latest.itemId);
      if (exercise && exercise.status !== "passed") return { href: latest.href, label: `Keep working on ${title({ kind: "exercise", id: latest.itemId })}`, reason: "resume" };
    }
  }
  for (const m of modules) {
    if (!m.lessonRead) return { href: `/lessons/${m.lessonId}`, label: `Read the lesson of ${m.title}`, reason: "next" };
    if (m.quizAttempts === 0) return { href: `/quizzes/${m.quizId}`, label: `Take the quiz of ${m.title}`, reason: "next" };
    const open = m.exercises.find((e) => e.status !== "passed");
    if (open) return { href: `/exercises/${open.id}`, label: `Solve ${title({ kind: "exercise", id: open.id })}`, reason: "next" };
  }
  return null;
}
