/**
 * Quiz file format (exercises/quizzes/<module-id>.json), validated with zod.
 * These types carry the answer key: they are server-only. What the browser sees
 * is the projection in public-quiz.ts.
 */
import { z } from "zod";
import { FORMULA_NAMES, FORMULAS } from "./formulas";
import { wrongMethodNames } from "./wrong-methods";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

const idSchema = z.string().regex(KEBAB_ID, "use kebab-case: lowercase letters, digits and dashes");
const lessonLink = z
  .string()
  .regex(/^\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/, "link as /lessons/<lesson-id>#<anchor>");

export const toleranceSchema = z
  .object({ abs: z.number().min(0).default(0), rel: z.number().min(0).default(0) })
  .refine((t) => t.abs > 0 || t.rel > 0, "a numeric answer needs abs > 0 or rel > 0");

const base = {
  id: idSchema,
  prompt: z.string().min(1),
  explanation: z.string().min(1),
  points: z.number().positive().default(1),
  /** which of batchnorm.md's seven claims this question covers (coverage report) */
  claims: z.array(z.number().int().min(1).max(7)).default([]),
  lesson: lessonLink.optional(),
};

const optionSchema = z.object({ id: idSchema, text: z.string().min(1), correct: z.boolean() });

function uniqueOptionIds(options: { id: string }[]): boolean {
  return new Set(options.map((o) => o.id)).size === options.length;
}

const singleSchema = z
  .object({ ...base, type: z.literal("single"), options: z.array(optionSchema).min(2).max(8) })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, "a single-choice question needs exactly one correct option")
  .refine((q) => uniqueOptionIds(q.options), "option ids must be unique");

const multipleSchema = z
  .object({ ...base, type: z.literal("multiple"), options: z.array(optionSchema).min(3).max(8) })
  .refine((q) => q.options.some((o) => o.correct), "a multiple-select question needs at least one correct option")
  .refine((q) => q.options.some((o) => !o.correct), "a multiple-select question needs at least one wrong option")
  .refine((q) => uniqueOptionIds(q.options), "option ids must be unique");

const trueFalseSchema = z.object({ ...base, type: z.literal("true-false"), answer: z.boolean() });

const numericSchema = z.object({ ...base, type: z.literal("numeric"), answer: z.number().finite(), tolerance: toleranceSchema });

/** A parameter drawn as min + step·k for an integer k, so displayed numbers are short. */
export const paramRangeSchema = z
  .object({ min: z.number().finite(), max: z.number().finite(), step: z.number().positive() })
  .refine((r) => r.max >= r.min, "max must be ≥ min");

const variantSchema = z
  .object({
    ...base,
    type: z.literal("numeric-variant"),
    formula: z.enum(FORMULA_NAMES),
    params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), paramRangeSchema),
    tolerance: toleranceSchema,
    /** known wrong methods (lib/quiz/wrong-methods.ts) the drawn numbers must tell apart from the key; the checker proves it */
    wrongMethods: z.array(z.string()).min(1, "list the known wrong methods this variant must separate from the key"),
  })
  .superRefine((q, ctx) => {
    const known = wrongMethodNames(q.formula);
    for (const name of q.wrongMethods) {
      if (!known.includes(name)) ctx.addIssue({ code: "custom", path: ["wrongMethods"], message: `formula ${q.formula} has no wrong method "${name}" (known: ${known.join(", ") || "none"})` });
    }
    const wanted = [...FORMULAS[q.formula].params].sort();
    const given = Object.keys(q.params).sort();
    if (wanted.join(",") !== given.join(",")) {
      ctx.addIssue({ code: "custom", path: ["params"], message: `formula ${q.formula} needs params ${wanted.join(", ")}; got ${given.join(", ")}` });
    }
    for (const name of (q.prompt.match(/\{\{(\w+)\}\}/g) ?? []).map((m) => m.slice(2, -2))) {
      if (!(name in q.params)) ctx.addIssue({ code: "custom", path: ["prompt"], message: `placeholder {{${name}}} has no parameter` });
    }
  });

export const questionSchema = z.union([singleSchema, multipleSchema, trueFalseSchema, numericSchema, variantSchema]);

export const quizSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    description: z.string().default(""),
    questions: z.array(questionSchema).min(1),
  })
  .refine((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, "question ids must be unique within a quiz");

export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;
export type VariantQuestion = Extract<Question, { type: "numeric-variant" }>;
export type Tolerance = z.infer<typeof toleranceSchema>;
export type ParamRange = z.infer<typeof paramRangeSchema>;
