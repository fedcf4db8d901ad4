/**
 * What a student sees AFTER submitting: their answer next to the key, the
 * credit earned and the explanation. Only ever built for submitted attempts.
 */
import { expectedNumber, type StoredResponse } from "./grade";
import { displayedPrompt, shuffledOptions } from "./public-quiz";
import type { Quiz } from "./schema";
import { fillTemplate, formatNumber, variantAnswer } from "./variants";

export interface ReviewOption {
  text: string;
  correct: boolean;
  picked: boolean;
}

export interface ReviewQuestion {
  id: string;
  type: "single" | "multiple" | "true-false" | "numeric";
  prompt: string;
  points: number;
  credit: number;
  explanation: string;
  lesson?: string;
  options?: ReviewOption[];
  yourAnswer: string;
  expectedAnswer: string;
}

export interface StoredAnswer {
  questionId: string;
  credit: number;
  response: StoredResponse | null;
}

function describeResponse(response: StoredResponse | null): string {
  if (!response) return "no answer";
  if (response.kind === "boolean") return response.value === null ? "no answer" : response.value ? "True" : "False";
  if (response.kind === "number") return response.value === null ? (response.text ? `"${response.text}" (not a number)` : "no answer") : formatNumber(response.value);
  return response.optionIds.length === 0 ? "no answer" : `${response.optionIds.length} option(s) picked`;
}

export function buildReview(quiz: Quiz, attemptSeed: number, answers: StoredAnswer[]): ReviewQuestion[] {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return quiz.questions.map((q) => {
    const answer = byId.get(q.id);
    const response = answer?.response ?? null;
    const common = {
      id: q.id,
      prompt: displayedPrompt(q, attemptSeed),
      points: q.points,
      credit: answer?.credit ?? 0,
      lesson: q.lesson,
      yourAnswer: describeResponse(response),
    };
    switch (q.type) {
      case "single":
      case "multiple": {
        const picked = response?.kind === "choice" ? response.optionIds : [];
        const options = shuffledOptions(q, attemptSeed).map((o) => ({ text: o.text, correct: o.correct, picked: picked.includes(o.id) }));
        const expected = options.filter((o) => o.correct).map((o) => o.text).join("; ");
        return { ...common, type: q.type, options, explanation: q.explanation, expectedAnswer: expected };
      }
      case "true-false":
        return { ...common, type: "true-false", explanation: q.explanation, expectedAnswer: q.answer ? "True" : "False" };
      case "numeric":
        return { ...common, type: "numeric", explanation: q.explanation, expectedAnswer: formatNumber(q.answer) };
      case "numeric-variant": {
        const { params, answer: expected } = variantAnswer(q, attemptSeed);
        return {
          ...common,
          type: "numeric",
          explanation: fillTemplate(q.explanation, { ...params, answer: expected }),
          expectedAnswer: formatNumber(expectedNumber(q, attemptSeed)),
        };
      }
    }
  });
}
