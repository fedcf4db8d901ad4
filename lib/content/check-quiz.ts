/**
 * Deep checks of one validated quiz beyond its zod schema: every seeded variant
 * must be solvable (finite answer, all placeholders filled) for many seeds,
 * and on every one of those seeds each wrong method the question lists must
 * land outside the grading tolerance (no full credit for a known mistake).
 */
import type { Quiz, Tolerance, VariantQuestion } from "../quiz/schema";
import { drawParams, variantAnswer } from "../quiz/variants";
import { WRONG_METHODS } from "../quiz/wrong-methods";

export const VARIANT_SAMPLES = 1000;

/** The quiz grader's acceptance rule (FORMAT.md): |given − answer| ≤ abs + rel·|answer|. */
function accepted(given: number, answer: number, tolerance: Tolerance): boolean {
  return Number.isFinite(given) && Math.abs(given - answer) <= tolerance.abs + tolerance.rel * Math.abs(answer);
}

function checkSeparation(file: string, q: VariantQuestion, samples: number): string[] {
  const errors: string[] = [];
  for (const name of q.wrongMethods) {
    const method = WRONG_METHODS[q.formula]?.[name];
    if (!method) continue; // the schema already reported it
    let hits = 0;
    let example = "";
    for (let seed = 1; seed <= samples; seed++) {
      const { params, answer } = variantAnswer(q, seed * 7919);
      if (accepted(method.compute(params), answer, q.tolerance)) {
        hits++;
        example ||= JSON.stringify(params);
      }
    }
    if (hits) {
      errors.push(
        `${file}: questions.${q.id}.wrongMethods: "${name}" (${method.description}) gets full credit on ${hits} of ${samples} seeds, e.g. ${example} — change the parameter ranges`,
      );
    }
  }
  return errors;
}

function checkVariant(file: string, q: VariantQuestion, samples: number): string[] {
  const errors: string[] = [];
  const allowedInExplanation = new Set([...Object.keys(q.params), "answer"]);
  for (const name of (q.explanation.match(/\{\{(\w+)\}\}/g) ?? []).map((m) => m.slice(2, -2))) {
    if (!allowedInExplanation.has(name)) errors.push(`${file}: questions.${q.id}.explanation: placeholder {{${name}}} has no parameter`);
  }
  for (let seed = 1; seed <= samples; seed++) {
    const params = drawParams(q, seed * 7919);
    for (const [name, value] of Object.entries(params)) {
      const range = q.params[name];
      if (!(value >= range.min - 1e-12 && value <= range.max + 1e-12)) {
        errors.push(`${file}: questions.${q.id}.params.${name}: drew ${value} outside [${range.min}, ${range.max}]`);
        return errors;
      }
    }
    let answer: number;
    try {
      answer = variantAnswer(q, seed * 7919).answer;
    } catch (error) {
      errors.push(`${file}: questions.${q.id}: formula ${q.formula} failed: ${(error as Error).message}`);
      return errors;
    }
    if (!Number.isFinite(answer)) {
      errors.push(`${file}: questions.${q.id}: formula ${q.formula} gives ${answer} for ${JSON.stringify(params)} — narrow the parameter ranges`);
      return errors;
    }
  }
  return [...errors, ...checkSeparation(file, q, samples)];
}

export function checkQuiz(file: string, quiz: Quiz, samples = VARIANT_SAMPLES): string[] {
  return quiz.questions.flatMap((q) => (q.type === "numeric-variant" ? checkVariant(file, q, samples) : []));
}
