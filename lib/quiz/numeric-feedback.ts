/**
 * Why a numeric answer is wrong, when that can be told: the value a known
 * wrong method gives with the student's numbers (lib/quiz/wrong-methods.ts,
 * the same idea as the code exercises' misconceptions), or the right value
 * rounded to fewer decimals than the question asks for.
 */
import { withinTolerance } from "./grade";
import { askedDecimals } from "./public-quiz";
import type { Question } from "./schema";
import { variantAnswer } from "./variants";
import { WRONG_METHODS } from "./wrong-methods";

type NumericQuestion = Extract<Question, { type: "numeric" | "numeric-variant" }>;

export function numericFeedback(question: NumericQuestion, attemptSeed: number, given: number, typedDecimals: number, expected: number, prompt: string): string[] {
  if (withinTolerance(given, expected, question.tolerance)) return [];
  const notes: string[] = [];
  if (question.type === "numeric-variant") {
    const { params } = variantAnswer(question, attemptSeed);
    const methods = WRONG_METHODS[question.formula] ?? {};
    for (const name of question.wrongMethods) {
      const method = methods[name];
      if (method && withinTolerance(given, method.compute(params), question.tolerance)) {
        notes.push(`Your answer is what you get when one ${method.description}: a known mistake, see the steps below.`);
        break;
      }
    }
  }
  const asked = askedDecimals(prompt);
  if (asked !== null && typedDecimals < asked && Math.abs(given - Number(expected.toFixed(typedDecimals))) < 1e-9 * Math.max(1, Math.abs(given))) {
    notes.push(`Your answer is the right value rounded to ${typedDecimals} decimal${typedDecimals === 1 ? "" : "s"}; the question asks for ${asked}, and at that precision it is outside the tolerance.`);
  }
  return notes;
}
