/**
 * What a student sees AFTER submitting: their answer next to the key, the
 * credit earned and the explanation. Only ever built for submitted attempts.
 */
import { expectedNumber, type StoredResponse } from "./grade";
import { readNumber } from "./number-input";
import { numericFeedback } from "./numeric-feedback";
import { displayedPrompt, shuffledOptions } from "./public-quiz";
import type { Quiz } from "./schema";
import { fillTemplate, formatNumber, variantAnswer } from "./variants";
import { workedSteps } from "./worked-steps";

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
  /** for a wrong numeric answer: the known mistake it matches, or a rounding note */
  notes?: string[];
  /** seeded variants: the worked steps with this attempt's numbers */
  steps?: string[];
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

function notesFor(q: Parameters<typeof numericFeedback>[0], attemptSeed: number, response: StoredResponse | null, prompt: string): string[] {
  if (response?.kind !== "number" || response.value === null) return [];
  return numericFeedback(q, attemptSeed, response.value, readNumber(response.text, ",").decimals, expectedNumber(q, attemptSeed), prompt);
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
        return { ...common, type: "numeric", explanation: q.explanation, expectedAnswer: formatNumber(q.answer), notes: notesFor(q, attemptSeed, response, common.prompt) };
      case "numeric-variant": {
        const { params, answer: expected } = variantAnswer(q, attemptSeed);
        return {
          ...common,
          type: "numeric",
          explanation: fillTemplate(q.explanation, { ...params, answer: expected }),
          expectedAnswer: formatNumber(expectedNumber(q, attemptSeed)),
          notes: notesFor(q, attemptSeed, response, common.prompt),
          steps: workedSteps(q.formula, params),
        };
      }
    }
  });
}
