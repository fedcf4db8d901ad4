/**
 * Deep checks of one validated quiz beyond its zod schema: every seeded variant
 * must be solvable (finite answer, all placeholders filled) for many seeds.
 */
import type { Quiz, VariantQuestion } from "../quiz/schema";
import { drawParams, variantAnswer } from "../quiz/variants";

export const VARIANT_SAMPLES = 500;

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
  return errors;
}

export function checkQuiz(file: string, quiz: Quiz, samples = VARIANT_SAMPLES): string[] {
  return quiz.questions.flatMap((q) => (q.type === "numeric-variant" ? checkVariant(file, q, samples) : []));
}
