/**
 * The projection of a quiz that may reach the browser before submission: no
 * `correct` flags, no formulas, no parameter ranges, no explanations, and
 * option ids replaced by per-attempt positions so even authored ids (which
 * might hint at the answer) stay on the server.
 */
import type { ChoiceQuestion, Question, Quiz } from "./schema";
import { questionSeed, seededShuffle } from "./seeded";
import { fillTemplate, variantAnswer } from "./variants";

export type PublicQuestion =
  | { id: string; type: "single" | "multiple"; prompt: string; points: number; options: { id: string; text: string }[] }
  | { id: string; type: "true-false"; prompt: string; points: number }
  | { id: string; type: "numeric"; prompt: string; points: number; decimals: number | null };

/** "Give 3 decimals." in a prompt: the number of decimals the answer should have. */
export function askedDecimals(prompt: string): number | null {
  const match = /give (\d+) decimals?/i.exec(prompt);
  return match ? Number(match[1]) : null;
}

export interface PublicQuiz {
  id: string;
  title: string;
  description: string;
  questions: PublicQuestion[];
}

/** Authored options in the order this attempt shows them. */
export function shuffledOptions(question: ChoiceQuestion, attemptSeed: number): ChoiceQuestion["options"] {
  return seededShuffle(question.options, questionSeed(attemptSeed, question.id, "options"));
}

/** Public option id for the option shown at a position: carries no information. */
export function publicOptionId(position: number): string {
  return `opt-${position + 1}`;
}

/** The prompt exactly as the student sees it (variant numbers filled in). */
export function displayedPrompt(question: Question, attemptSeed: number): string {
  if (question.type !== "numeric-variant") return question.prompt;
  return fillTemplate(question.prompt, variantAnswer(question, attemptSeed).params);
}

export function toPublicQuestion(question: Question, attemptSeed: number): PublicQuestion {
  const prompt = displayedPrompt(question, attemptSeed);
  switch (question.type) {
    case "single":
    case "multiple":
      return {
        id: question.id,
        type: question.type,
        prompt,
        points: question.points,
        options: shuffledOptions(question, attemptSeed).map((o, i) => ({ id: publicOptionId(i), text: o.text })),
      };
    case "true-false":
      return { id: question.id, type: "true-false", prompt, points: question.points };
    case "numeric":
    case "numeric-variant":
      return { id: question.id, type: "numeric", prompt, points: question.points, decimals: askedDecimals(prompt) };
  }
}

export function toPublicQuiz(quiz: Quiz, attemptSeed: number): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    description: quiz.description,
    questions: quiz.questions.map((q) => toPublicQuestion(q, attemptSeed)),
  };
}
