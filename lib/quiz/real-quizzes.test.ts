// Properties of the course's actual quiz files (exercises/quizzes/*.json).
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { expectedNumber, gradeQuiz } from "./grade";
import { loadQuiz } from "./load-quiz";
import { publicOptionId, shuffledOptions, toPublicQuiz } from "./public-quiz";
import { buildReview } from "./review";
import type { Quiz } from "./schema";

async function allQuizzes(): Promise<Quiz[]> {
  const course = await loadCourse();
  const quizzes = await Promise.all(course.modules.map((m) => loadQuiz(m.quiz)));
  return quizzes.map((q) => {
    if (!q) throw new Error("missing quiz");
    return q;
  });
}

function perfect(quiz: Quiz, seed: number): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((q) => {
      if (q.type === "single" || q.type === "multiple") return [q.id, shuffledOptions(q, seed).flatMap((o, i) => (o.correct ? [publicOptionId(i)] : []))];
      if (q.type === "true-false") return [q.id, [String(q.answer)]];
      return [q.id, [String(expectedNumber(q, seed))]];
    }),
  );
}

describe("the course quizzes", () => {
  it("have at least 25 questions with every type represented", async () => {
    const questions = (await allQuizzes()).flatMap((q) => q.questions);
    expect(questions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(["single", "multiple", "true-false", "numeric", "numeric-variant"]));
  });

  it("give full marks to the key and none to an empty submission, for many seeds", async () => {
    for (const quiz of await allQuizzes()) {
      for (let seed = 1; seed <= 40; seed++) {
        const best = gradeQuiz(quiz, seed * 104729, perfect(quiz, seed * 104729));
        expect(best.score, `${quiz.id} seed ${seed}`).toBe(best.maxScore);
        expect(gradeQuiz(quiz, seed, {}).score).toBe(0);
      }
    }
  });

  it("accept answers rounded to the 3 decimals the prompts ask for", async () => {
    for (const quiz of await allQuizzes()) {
      for (const q of quiz.questions) {
        if (q.type !== "numeric-variant") continue;
        for (let seed = 1; seed <= 200; seed++) {
          const rounded = expectedNumber(q, seed).toFixed(3);
          expect(gradeQuiz(quiz, seed, { [q.id]: [rounded] }).questions.find((g) => g.questionId === q.id)?.credit, `${q.id} seed ${seed}`).toBe(1);
        }
      }
    }
  });

  it("never put the key in the public projection", async () => {
    for (const quiz of await allQuizzes()) {
      for (const seed of [1, 99, 123456]) {
        const text = JSON.stringify(toPublicQuiz(quiz, seed));
        expect(text).not.toMatch(/"(correct|explanation|formula|tolerance|answer|params|lesson|claims)"/);
        for (const q of quiz.questions) {
          expect(text).not.toContain(q.explanation.slice(0, 30));
          if (q.type === "single" || q.type === "multiple") for (const o of q.options) expect(text).not.toContain(`"${o.id}"`);
        }
        expect(text).not.toContain("{{");
      }
    }
  });

  it("fill every placeholder in reviewed explanations", async () => {
    for (const quiz of await allQuizzes()) {
      const review = buildReview(quiz, 42, []);
      for (const q of review) {
        expect(q.explanation).not.toContain("{{");
        expect(q.prompt).not.toContain("{{");
        expect(q.credit).toBe(0);
      }
    }
  });
});
