/**
 * Server-side quiz grading. Input is what the browser sent (per question, a list
 * of strings: public option ids, "true"/"false", or a number as text); the
 * answer key is re-derived from the quiz file and the attempt seed.
 *
 * Credit per question is in [0, 1]:
 * - single choice, true/false, numeric: 1 if right, else 0;
 * - numeric (and seeded variants): right when |given − expected| ≤ abs + rel·|expected|
 *   (plus 1e-12·max(1, |expected|) so a value typed exactly at the bound is not
 *   rejected by binary rounding);
 * - multiple select: (correct picks − wrong picks) / number of correct options,
 *   floored at 0. Picking everything therefore earns nothing when there are as
 *   many wrong options as right ones.
 * A question counts as "correct" only with full credit.
 */
import { z } from "zod";
import { type DecimalSeparator, readNumber } from "./number-input";
import { publicOptionId, shuffledOptions } from "./public-quiz";
import type { Question, Quiz, Tolerance } from "./schema";
import { variantAnswer } from "./variants";

/** What a form submits: question id → raw values. Bounded so a request cannot balloon. */
export const rawResponsesSchema = z.record(z.string().max(80), z.array(z.string().max(64)).max(16));
export type RawResponses = z.infer<typeof rawResponsesSchema>;

/** A response normalised to authored ids, as stored in QuizAnswer.response (JSON). */
export type StoredResponse =
  | { kind: "choice"; optionIds: string[] }
  | { kind: "boolean"; value: boolean | null }
  | { kind: "number"; value: number | null; text: string };

export interface GradedQuestion {
  questionId: string;
  credit: number;
  correct: boolean;
  points: number;
  response: StoredResponse;
}

export interface GradedQuiz {
  score: number;
  maxScore: number;
  questions: GradedQuestion[];
}

/** A typed number as the student meant it (number-input.ts: decimal comma, digit grouping); anything else is no answer. */
export function parseNumber(text: string, decimal: DecimalSeparator = "."): number | null {
  return readNumber(text, decimal).value;
}

export function withinTolerance(given: number, expected: number, tolerance: Tolerance): boolean {
  const bound = tolerance.abs + tolerance.rel * Math.abs(expected) + 1e-12 * Math.max(1, Math.abs(expected));
  return Math.abs(given - expected) <= bound;
}

/** The expected number for numeric and variant questions (server only). */
export function expectedNumber(question: Extract<Question, { type: "numeric" | "numeric-variant" }>, attemptSeed: number): number {
  return question.type === "numeric" ? question.answer : variantAnswer(question, attemptSeed).answer;
}

function gradeChoice(question: Extract<Question, { type: "single" | "multiple" }>, attemptSeed: number, raw: string[]) {
  const shown = shuffledOptions(question, attemptSeed);
  const picked = shown.filter((_, i) => raw.includes(publicOptionId(i)));
  // A single-choice answer with several picks is treated as unanswered, never as a lucky hit.
  const effective = question.type === "single" && picked.length > 1 ? [] : picked;
  const response: StoredResponse = { kind: "choice", optionIds: effective.map((o) => o.id) };
  const totalCorrect = question.options.filter((o) => o.correct).length;
  const right = effective.filter((o) => o.correct).length;
  const wrong = effective.length - right;
  const credit = question.type === "single" ? (right === 1 && wrong === 0 ? 1 : 0) : Math.max(0, (right - wrong) / totalCorrect);
  return { credit, response };
}

export function gradeQuestion(question: Question, attemptSeed: number, raw: string[] = [], decimal: DecimalSeparator = "."): GradedQuestion {
  let credit = 0;
  let response: StoredResponse;
  switch (question.type) {
    case "single":
    case "multiple":
      ({ credit, response } = gradeChoice(question, attemptSeed, raw));
      break;
    case "true-false": {
      const value = raw[0] === "true" ? true : raw[0] === "false" ? false : null;
      response = { kind: "boolean", value };
      credit = value === question.answer ? 1 : 0;
      break;
    }
    case "numeric":
    case "numeric-variant": {
      const text = (raw[0] ?? "").slice(0, 64);
      const value = parseNumber(text, decimal);
      response = { kind: "number", value, text };
      credit = value !== null && withinTolerance(value, expectedNumber(question, attemptSeed), question.tolerance) ? 1 : 0;
      break;
    }
  }
  return { questionId: question.id, credit, correct: credit === 1, points: question.points, response };
}

/** `decimal`: the decimal separator of the student's locale, as the form reported it. */
export function gradeQuiz(quiz: Quiz, attemptSeed: number, responses: RawResponses, decimal: DecimalSeparator = "."): GradedQuiz {
  const questions = quiz.questions.map((q) => gradeQuestion(q, attemptSeed, responses[q.id] ?? [], decimal));
  const score = questions.reduce((s, q) => s + q.credit * q.points, 0);
  const maxScore = questions.reduce((s, q) => s + q.points, 0);
  // Rounded so 0.1 + 0.2 style sums do not show as 2.9999999999999996 points.
  return { score: Math.round(score * 1e6) / 1e6, maxScore, questions };
}
