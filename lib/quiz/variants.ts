/**
 * Seeded numeric variants: each attempt draws its own parameter values from the
 * ranges in the quiz file, so every student gets their own numbers while the
 * server can always re-derive them (and the answer) from the attempt seed.
 */
import { evaluateFormula } from "./formulas";
import type { ParamRange, VariantQuestion } from "./schema";
import { createRandom, questionSeed } from "./seeded";

/** Decimal places implied by a step, e.g. 0.25 → 2, 1 → 0, 1e-5 → 5. */
export function decimalsOf(step: number): number {
  for (let d = 0; d <= 12; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  }
  return 12;
}

export function drawParam(range: ParamRange, random: () => number): number {
  const count = Math.floor((range.max - range.min) / range.step + 1e-9) + 1;
  const k = Math.floor(random() * count);
  // Rounding removes binary noise such as 0.1 + 0.2, so prompt and formula see the same number.
  return Number((range.min + k * range.step).toFixed(decimalsOf(range.step)));
}

export function drawParams(question: Pick<VariantQuestion, "id" | "params">, attemptSeed: number): Record<string, number> {
  const random = createRandom(questionSeed(attemptSeed, question.id, "params"));
  const out: Record<string, number> = {};
  // Sorted names: adding a key to the JSON in another order must not change the draw.
  for (const name of Object.keys(question.params).sort()) out[name] = drawParam(question.params[name], random);
  return out;
}

export function variantAnswer(question: VariantQuestion, attemptSeed: number): { params: Record<string, number>; answer: number } {
  const params = drawParams(question, attemptSeed);
  return { params, answer: evaluateFormula(question.formula, params) };
}

/** Compact display: no trailing zeros, scientific notation for tiny values like ε. */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  return String(Number(value.toPrecision(6)));
}

/** Replaces {{name}} with the drawn value; {{answer}} too when given. */
export function fillTemplate(text: string, values: Record<string, number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? formatNumber(values[name]) : whole));
}
