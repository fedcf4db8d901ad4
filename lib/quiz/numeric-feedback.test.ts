import { describe, expect, it } from "vitest";
import { buildReview } from "./review";
import type { Quiz } from "./schema";
import { quizSchema } from "./schema";
import { variantAnswer } from "./variants";
import { WRONG_METHODS } from "./wrong-methods";

const quiz: Quiz = quizSchema.parse({
  id: "q",
  title: "Q",
  questions: [
    {
      id: "var",
      type: "numeric-variant",
      prompt: "Batch {{x1}}, {{x2}}, {{x3}}, {{x4}}. What is the variance? Give 3 decimals.",
      explanation: "σ² ≈ {{answer}}.",
      formula: "batch-variance-4",
      params: { x1: { min: 0, max: 5, step: 0.5 }, x2: { min: 0, max: 5, step: 0.5 }, x3: { min: 6, max: 9, step: 0.5 }, x4: { min: 1, max: 2, step: 0.5 } },
      tolerance: { abs: 0.0015, rel: 0 },
      wrongMethods: ["unbiased"],
    },
  ],
});
const question = quiz.questions[0] as Extract<Quiz["questions"][number], { type: "numeric-variant" }>;
const SEED = 12345;
const review = (text: string) =>
  buildReview(quiz, SEED, [{ questionId: "var", credit: 0, response: { kind: "number", value: Number(text), text } }])[0];

describe("numeric answer feedback", () => {
  it("recognises an answer computed with a known wrong method (N − 1)", () => {
    const { params } = variantAnswer(question, SEED);
    const unbiased = WRONG_METHODS["batch-variance-4"]?.unbiased.compute(params) ?? Number.NaN;
    const r = review(unbiased.toFixed(3));
    expect(r.notes?.[0]).toMatch(/divides by N − 1/);
  });

  it("says when the right value was rounded to fewer decimals than asked", () => {
    // The first seed whose answer does not happen to round exactly to 1 decimal.
    const seed = [1, 2, 3, 4, 5, 6, 7, 8].find((s) => {
      const { answer } = variantAnswer(question, s);
      return Math.abs(Number(answer.toFixed(1)) - answer) > 0.0015;
    });
    expect(seed).toBeDefined();
    const text = variantAnswer(question, seed ?? 0).answer.toFixed(1);
    const [r] = buildReview(quiz, seed ?? 0, [{ questionId: "var", credit: 0, response: { kind: "number", value: Number(text), text } }]);
    expect(r.notes).toContainEqual(expect.stringMatching(/rounded to 1 decimal; the question asks for 3/));
  });

  it("shows worked steps with the attempt's own numbers, and no note for a right answer", () => {
    const { params, answer } = variantAnswer(question, SEED);
    const r = review(answer.toFixed(3));
    expect(r.notes).toEqual([]);
    expect(r.steps?.join("\n")).toContain(`μ = (${params.x1}, ${params.x2}, ${params.x3}, ${params.x4})`);
    expect(r.steps?.join("\n")).toContain("divide by N = 4");
  });
});
