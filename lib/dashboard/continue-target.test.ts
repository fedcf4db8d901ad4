import { describe, expect, it } from "vitest";
import type { ModuleProgress } from "@/lib/content/module-progress";
import type { Activity } from "./activity";
import { continueTarget } from "./continue-target";

function mod(id: string, over: Partial<ModuleProgress> = {}): ModuleProgress {
  return {
    moduleId: id,
    title: `Module ${id}`,
    lessonId: `lesson-${id}`,
    quizId: `quiz-${id}`,
    lessonRead: true,
    quizBest: null,
    quizLatest: null,
    quizAttempts: 1,
    exercises: [{ id: `ex-${id}`, status: "passed", bestScore: 1, attempts: 1 }],
    ...over,
  };
}
const at = new Date("2026-01-01T00:00:00Z");
const activity = (kind: Activity["kind"], itemId: string, href: string): Activity => ({ kind, itemId, at, summary: "", href });

describe("continue where you left off", () => {
  it("resumes an unfinished exercise the student touched last", () => {
    const modules = [mod("a", { lessonRead: false }), mod("b", { exercises: [{ id: "ex-b", status: "attempted", bestScore: 0.5, attempts: 2 }] })];
    expect(continueTarget(modules, [activity("submission", "ex-b", "/exercises/ex-b")])).toEqual({
      href: "/exercises/ex-b",
      label: "Keep working on ex-b",
      reason: "resume",
    });
  });

  it("resumes an open quiz attempt", () => {
    expect(continueTarget([mod("a")], [activity("quiz-started", "quiz-a", "/quizzes/quiz-a")])?.href).toBe("/quizzes/quiz-a");
  });

  it("otherwise goes to the first unfinished item in course order", () => {
    const passedLast = [activity("submission", "ex-a", "/exercises/ex-a")];
    expect(continueTarget([mod("a"), mod("b", { lessonRead: false })], passedLast)?.href).toBe("/lessons/lesson-b");
    expect(continueTarget([mod("a", { quizAttempts: 0 }), mod("b")], [])?.href).toBe("/quizzes/quiz-a");
    expect(continueTarget([mod("a", { exercises: [{ id: "ex-a", status: "not-started", bestScore: null, attempts: 0 }] })], [])?.href).toBe(
      "/exercises/ex-a",
    );
  });

  it("has nothing to continue when everything is done", () => {
    expect(continueTarget([mod("a"), mod("b")], [activity("lesson-read", "lesson-a", "/lessons/lesson-a")])).toBeNull();
  });
});
