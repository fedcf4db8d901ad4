import { describe, expect, it } from "vitest";
import { gradeQuestion, gradeQuiz, parseNumber, withinTolerance } from "./grade";
import { publicOptionId, shuffledOptions, toPublicQuiz } from "./public-quiz";
import { type Quiz, quizSchema } from "./schema";
import { drawParams, variantAnswer } from "./variants";

const quiz: Quiz = quizSchema.parse({
  id: "sample",
  title: "Sample",
  questions: [
    {
      id: "single-q",
      type: "single",
      prompt: "Which divides by N?",
      explanation: "Biased variance divides by N.",
      options: [
        { id: "biased", text: "biased variance", correct: true },
        { id: "unbiased", text: "unbiased variance", correct: false },
        { id: "std", text: "standard deviation", correct: false },
      ],
    },
    {
      id: "multi-q",
      type: "multiple",
      prompt: "Pick the learnable parameters.",
      explanation: "γ and β are learned; running statistics are not.",
      options: [
        { id: "gamma", text: "γ", correct: true },
        { id: "beta", text: "β", correct: true },
        { id: "rmean", text: "running mean", correct: false },
        { id: "rvar", text: "running variance", correct: false },
      ],
    },
    { id: "tf-q", type: "true-false", prompt: "ε goes inside the root.", explanation: "Yes.", answer: true },
    { id: "num-q", type: "numeric", prompt: "Mean of 1 and 3?", explanation: "2.", answer: 2, tolerance: { abs: 0.5 } },
    {
      id: "variant-q",
      type: "numeric-variant",
      prompt: "Mean of {{x1}}, {{x2}}, {{x3}}, {{x4}}?",
      explanation: "It is {{answer}}.",
      formula: "batch-mean-4",
      params: {
        x1: { min: -5, max: 5, step: 0.5 },
        x2: { min: -5, max: 5, step: 0.5 },
        x3: { min: -5, max: 5, step: 0.5 },
        x4: { min: -5, max: 5, step: 0.5 },
      },
      tolerance: { abs: 0.01 },
      wrongMethods: ["sum"],
    },
  ],
});

const [single, multi, tf, num, variant] = quiz.questions;
const SEED = 12345;

/** The public id under which an authored option is shown in this attempt. */
function pick(questionIndex: number, authoredIds: string[], seed = SEED): string[] {
  const q = quiz.questions[questionIndex];
  if (q.type !== "single" && q.type !== "multiple") throw new Error("not a choice question");
  return shuffledOptions(q, seed)
    .map((o, i) => (authoredIds.includes(o.id) ? publicOptionId(i) : null))
    .filter((x): x is string => x !== null);
}

describe("single choice", () => {
  it("gives full credit for the correct option and none otherwise", () => {
    expect(gradeQuestion(single, SEED, pick(0, ["biased"])).credit).toBe(1);
    expect(gradeQuestion(single, SEED, pick(0, ["unbiased"])).credit).toBe(0);
    expect(gradeQuestion(single, SEED, []).credit).toBe(0);
  });
  it("treats several picks as no answer, even if one is right", () => {
    const graded = gradeQuestion(single, SEED, pick(0, ["biased", "std"]));
    expect(graded.credit).toBe(0);
    expect(graded.response).toEqual({ kind: "choice", optionIds: [] });
  });
  it("stores authored option ids, not the public positions", () => {
    expect(gradeQuestion(single, SEED, pick(0, ["biased"])).response).toEqual({ kind: "choice", optionIds: ["biased"] });
  });
});

describe("multiple select partial credit: (right − wrong) / total right, floored at 0", () => {
  it.each([
    [["gamma", "beta"], 1],
    [["gamma"], 0.5],
    [["gamma", "beta", "rmean"], 0.5],
    [["gamma", "rmean"], 0],
    [["rmean", "rvar"], 0],
    [["gamma", "beta", "rmean", "rvar"], 0],
    [[], 0],
  ])("picking %j earns %s", (ids, credit) => {
    const graded = gradeQuestion(multi, SEED, pick(1, ids as string[]));
    expect(graded.credit).toBe(credit);
    expect(graded.correct).toBe(credit === 1);
  });
  it("ignores unknown public ids", () => {
    expect(gradeQuestion(multi, SEED, [...pick(1, ["gamma", "beta"]), "opt-99"]).credit).toBe(1);
  });
});

describe("true/false", () => {
  it("grades true, false and missing answers", () => {
    expect(gradeQuestion(tf, SEED, ["true"]).credit).toBe(1);
    expect(gradeQuestion(tf, SEED, ["false"]).credit).toBe(0);
    expect(gradeQuestion(tf, SEED, ["maybe"]).response).toEqual({ kind: "boolean", value: null });
  });
});

describe("numeric tolerance", () => {
  it("accepts values exactly at the bound and rejects just outside", () => {
    expect(gradeQuestion(num, SEED, ["2.5"]).credit).toBe(1);
    expect(gradeQuestion(num, SEED, ["1.5"]).credit).toBe(1);
    expect(gradeQuestion(num, SEED, ["2.5001"]).credit).toBe(0);
    expect(gradeQuestion(num, SEED, ["1.4999"]).credit).toBe(0);
  });
  it("does not reject a decimal bound because of binary rounding", () => {
    expect(withinTolerance(1.01, 1, { abs: 0.01, rel: 0 })).toBe(true);
    expect(withinTolerance(1.0101, 1, { abs: 0.01, rel: 0 })).toBe(false);
  });
  it("scales a relative tolerance with the expected value", () => {
    expect(withinTolerance(1010, 1000, { abs: 0, rel: 0.01 })).toBe(true);
    expect(withinTolerance(1011, 1000, { abs: 0, rel: 0.01 })).toBe(false);
    expect(withinTolerance(-1010, -1000, { abs: 0, rel: 0.01 })).toBe(true);
  });
  it("parses common notations and refuses garbage", () => {
    expect(parseNumber(" -1.25 ")).toBe(-1.25);
    expect(parseNumber("\u22120.5")).toBe(-0.5);
    expect(parseNumber("1e-5")).toBe(1e-5);
    expect(parseNumber(".5")).toBe(0.5);
    for (const bad of ["", "abc", "1/2", "Infinity", "NaN", "1,2,3", "0x10"]) expect(parseNumber(bad)).toBeNull();
    // The decimal comma, and the locale deciding what "1,297" means.
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("1,297", ",")).toBe(1.297);
    expect(parseNumber("1,297", ".")).toBe(1297);
    expect(gradeQuestion(num, SEED, ["two"]).credit).toBe(0);
  });
});

describe("seeded numeric variants", () => {
  it("are reproducible for the same attempt seed", () => {
    expect(drawParams(variant as never, 777)).toEqual(drawParams(variant as never, 777));
  });
  it("differ between students (attempt seeds)", () => {
    const draws = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(drawParams(variant as never, 1000 + i))));
    expect(draws.size).toBeGreaterThan(15);
  });
  it("draw values on the declared grid and inside the range", () => {
    for (let seed = 1; seed < 200; seed++) {
      for (const v of Object.values(drawParams(variant as never, seed))) {
        expect(v).toBeGreaterThanOrEqual(-5);
        expect(v).toBeLessThanOrEqual(5);
        expect(Number.isInteger(v * 2)).toBe(true);
      }
    }
  });
  it("grade against this attempt's numbers, not another's", () => {
    if (variant.type !== "numeric-variant") throw new Error("fixture");
    const mine = variantAnswer(variant, 1).answer;
    let other = 2;
    while (Math.abs(variantAnswer(variant, other).answer - mine) < 0.1) other++;
    expect(gradeQuestion(variant, 1, [String(mine)]).credit).toBe(1);
    expect(gradeQuestion(variant, other, [String(mine)]).credit).toBe(0);
  });
  it("show the drawn numbers in the public prompt", () => {
    const params = drawParams(variant as never, 42);
    const prompt = toPublicQuiz(quiz, 42).questions[4].prompt;
    expect(prompt).toContain(String(params.x1));
    expect(prompt).not.toContain("{{");
  });
});

describe("option shuffling", () => {
  it("is stable per attempt and varies across attempts", () => {
    const order = (seed: number) => shuffledOptions(multi as never, seed).map((o) => o.id).join(",");
    expect(order(5)).toBe(order(5));
    expect(new Set(Array.from({ length: 30 }, (_, i) => order(i + 1))).size).toBeGreaterThan(5);
  });
});

describe("public projection", () => {
  it("contains no answer key", () => {
    const text = JSON.stringify(toPublicQuiz(quiz, SEED));
    for (const secret of ["correct", "explanation", "formula", "answer", "tolerance", "biased\"", "gamma\"", "Biased variance divides"]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("whole quiz", () => {
  it("sums credit times points and reports the maximum", () => {
    if (variant.type !== "numeric-variant") throw new Error("fixture");
    const graded = gradeQuiz(quiz, SEED, {
      "single-q": pick(0, ["biased"]),
      "multi-q": pick(1, ["gamma"]),
      "tf-q": ["false"],
      "num-q": ["2"],
      "variant-q": [String(variantAnswer(variant, SEED).answer)],
    });
    expect(graded.maxScore).toBe(5);
    expect(graded.score).toBe(3.5);
    expect(graded.questions.map((q) => q.correct)).toEqual([true, false, false, true, true]);
  });
});
