/**
 * The grader's contracts, as zod 4 schemas (DESIGN.md §4–5, grader/FORMAT.md):
 * exercise.json, the test cases tests.ts exports, mistake metadata, and the
 * versioned GradeReport that the web app stores and renders.
 */
import { z } from "zod";
import { KebabIdSchema, type Language, LanguageSchema, ModeSchema, ReportStatusSchema, type TestStatus, TestStatusSchema } from "./vocabulary";

const kebabId = KebabIdSchema;
const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "must be a JavaScript identifier");
const lessonLink = z.string().regex(/^\/lessons\/[a-z0-9-]+(#[a-z0-9-]+)?$/, "must look like /lessons/<slug>#<anchor>");

// ---------- exercise.json ----------

export const ToleranceSchema = z.object({
  atol: z.number().nonnegative().default(1e-9),
  rtol: z.number().nonnegative().default(1e-7),
}).strict();
export type Tolerance = z.infer<typeof ToleranceSchema>;

export const LimitsSchema = z.object({
  /** one call (or one scenario) of student code */
  callTimeoutMs: z.number().int().min(10).max(30_000).default(1000),
  /** the whole sandbox run: module evaluation plus every test */
  totalTimeoutMs: z.number().int().min(50).max(120_000).default(5000),
  memoryMb: z.number().int().min(8).max(1024).default(64),
}).strict();
export type Limits = z.infer<typeof LimitsSchema>;

export const ExerciseSpecSchema = z.object({
  id: kebabId,
  title: z.string().min(1),
  kind: z.enum(["function", "class"]),
  entry: identifier,
  languages: z.array(LanguageSchema).min(1),
  tolerance: ToleranceSchema.default({ atol: 1e-9, rtol: 1e-7 }),
  limits: LimitsSchema.default({ callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64 }),
  lesson: lessonLink,
  /** names of the entry's parameters, used in messages ("modified its input `x`") */
  params: z.array(identifier).optional(),
  /**
   * Further functions the module must export (kind "function" only), each with
   * its parameter names; a call test targets one with `entry`, a `$call`
   * marker names one (FORMAT.md, "Several functions"). For exercises whose API
   * is a pair, e.g. a forward and a backward pass.
   */
  otherEntries: z
    .record(identifier, z.array(identifier))
    .refine((o) => Object.keys(o).length <= 8, "at most 8 otherEntries")
    .optional(),
  // strict: a misspelt key ("tolerence") is an error, not a silently used default
}).strict();
export type ExerciseSpec = z.infer<typeof ExerciseSpecSchema>;
export type { Language };

// ---------- test cases (what tests.ts default-exports) ----------

export type JsonData = number | string | boolean | null | JsonData[] | { [key: string]: JsonData };
/** Plain data only: finite numbers, no undefined, functions or class instances. */
export const JsonDataSchema: z.ZodType<JsonData> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(JsonDataSchema), z.record(z.string(), JsonDataSchema)]),
);

export const ScenarioStepSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("new"), instance: z.string().min(1), args: z.array(JsonDataSchema) }),
  z.object({ op: z.literal("call"), instance: z.string().min(1), method: identifier, args: z.array(JsonDataSchema).default([]) }),
  z.object({ op: z.literal("get"), instance: z.string().min(1), field: identifier }),
  z.object({ op: z.literal("set"), instance: z.string().min(1), field: identifier, value: JsonDataSchema }),
]);
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;

const generator = z.custom<(rng: unknown) => unknown>((v) => typeof v === "function", "must be an array or a function (rng) => …");

const TestBaseSchema = z.object({
  id: kebabId,
  name: z.string().min(1),
  visibility: z.enum(["public", "hidden"]),
  points: z.number().positive(),
  hint: z.string().min(1).optional(),
  seed: z.number().int().optional(),
  tolerance: z.object({ atol: z.number().nonnegative().optional(), rtol: z.number().nonnegative().optional() }).optional(),
  /** the reference's output on this test holds NaN or ±∞ on purpose (otherwise exercises:check refuses it) */
  expectNonFinite: z.literal(true).optional(),
});

/** One entry of tests.ts as written (generators not yet evaluated): a plain call … */
export const CallTestDefinitionSchema = TestBaseSchema.extend({
  args: z.union([z.array(z.unknown()), generator]),
  compare: z.array(z.string()).min(1).optional(),
  /** which exported function to call: the exercise's entry (default) or one of its `otherEntries` */
  entry: identifier.optional(),
  /** the call must throw (invalid input the prompt defines as an error); any thrown value passes */
  throws: z.literal(true).optional(),
}).strict();
/** … or a stateful scenario (class exercises). */
export const ScenarioTestDefinitionSchema = TestBaseSchema.extend({ scenario: z.union([z.array(z.unknown()), generator]) }).strict();

/** A test after its generator ran with its seed: plain data, ready to grade. */
export type ResolvedTest = {
  id: string;
  name: string;
  visibility: "public" | "hidden";
  points: number;
  hint?: string;
  tolerance: Tolerance;
} & (
  | {
      kind: "call";
      args: JsonData[];
      compare?: string[];
      /** the function to call when not the exercise's entry (one of its `otherEntries`) */
      entry?: string;
      /** the call must throw */
      throws?: true;
      /** the args hold function-args.ts markers ($fn, $call) */
      markers?: boolean;
    }
  | { kind: "scenario"; steps: ScenarioStep[] }
);

// ---------- mistakes/*.ts ----------

export const MistakeMetaSchema = z.object({
  message: z.string().min(10, "must be at least 10 characters: say what the student did and why it is wrong"),
  lesson: lessonLink.optional(),
});
export type MistakeMeta = z.infer<typeof MistakeMetaSchema>;

// ---------- GradeReport (the contract with the web app) ----------

export { TestStatusSchema, type TestStatus };

export const TestDetailSchema = z.object({
  /** the arguments (call tests) or the steps (scenario tests) */
  input: z.unknown(),
  expected: z.unknown(),
  actual: z.unknown(),
  worstAbsError: z.number().nullable(),
  worstRelError: z.number().nullable(),
  /** path of the first value outside tolerance, e.g. "out[2][1]" */
  firstBadIndex: z.string().nullable(),
  tolerance: ToleranceSchema,
});
export type TestDetail = z.infer<typeof TestDetailSchema>;

/**
 * Why a test did not pass, from a closed set. A hidden test's entry carries
 * only this (plus id, name, status, points and the author's fixed hint): its
 * message is the fixed text below, so nothing the student's code controls
 * (error names, messages, stack positions, lengths, numbers, timing) and
 * nothing derived from expected values (error ratios, counts) leaves the
 * grader. Public tests carry the same category next to their rich message.
 */
export const FailureCategorySchema = z.enum([
  "wrong-values",
  "wrong-shape-or-type",
  "not-finite",
  "no-return-value",
  "returned-promise",
  "not-plain-data",
  "result-too-large",
  "modified-input",
  "threw-error",
  "no-error-thrown",
  "timed-out",
  "out-of-memory",
  "not-run",
  "grader-error",
]);
export type FailureCategory = z.infer<typeof FailureCategorySchema>;

/** The whole message of a hidden test entry, per category (and for a pass). */
export const HIDDEN_MESSAGES: Record<FailureCategory | "passed", string> = {
  passed: "Passed.",
  "wrong-values": "Some values are outside the tolerance.",
  "wrong-shape-or-type": "The result has the wrong shape or type (a wrong length, a missing key, or something other than a number).",
  "not-finite": "The result contains NaN or ±Infinity where a finite number belongs.",
  "no-return-value": "Your code returned undefined where a value belongs — did you forget a `return`?",
  "returned-promise": "Your code returned a Promise — return the value itself (no async/await).",
  "not-plain-data": "Your code returned a value that cannot be copied out as plain data — return plain arrays, numbers and objects.",
  "result-too-large": "Your code returned a result over the size limit.",
  "modified-input": "Your code modified one of its inputs. Inputs belong to the caller: build new arrays instead of writing into them.",
  "threw-error": "Your code threw an error on this test.",
  "no-error-thrown": "Your code returned a value where the task asks it to throw an error (see the prompt's rules for invalid input).",
  "timed-out": "Your code ran longer than the time limit (an infinite loop?).",
  "out-of-memory": "Grading stopped: your code exceeded the memory limit.",
  "not-run": "Not run: skipped (the summary and the first failing test say why).",
  "grader-error": "Not run: the grader failed. This is not your fault; please try again.",
};

const TestResultBase = {
  id: z.string(),
  name: z.string(),
  status: TestStatusSchema,
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  /** fixed author text, shown when the test did not pass (public and hidden alike) */
  hint: z.string().optional(),
  /** set exactly when the test did not pass */
  failure: FailureCategorySchema.optional(),
};

export const PublicTestResultSchema = z.object({
  ...TestResultBase,
  visibility: z.literal("public"),
  message: z.string(),
  detail: TestDetailSchema.optional(),
  timeMs: z.number().nonnegative().optional(),
});
export type PublicTestResult = z.infer<typeof PublicTestResultSchema>;

/** Strict: a hidden entry has no detail, no timing, and its message is HIDDEN_MESSAGES[failure ?? "passed"]. */
export const HiddenTestResultSchema = z
  .object({
    ...TestResultBase,
    visibility: z.literal("hidden"),
    message: z.string(),
    detail: z.undefined().optional(),
    timeMs: z.undefined().optional(),
  })
  .strict()
  .refine((t) => (t.status === "passed") === (t.failure === undefined), { message: "a hidden entry has a failure category exactly when it did not pass" })
  .refine((t) => t.message === HIDDEN_MESSAGES[t.failure ?? "passed"], { message: "a hidden entry's message must be the fixed text of its category" });
export type HiddenTestResult = z.infer<typeof HiddenTestResultSchema>;

export const TestResultSchema = z.union([PublicTestResultSchema, HiddenTestResultSchema]);
export type TestResult = z.infer<typeof TestResultSchema>;

export const CompileErrorSchema = z.object({ line: z.number().int().min(1), column: z.number().int().min(1), message: z.string() });
export type CompileError = z.infer<typeof CompileErrorSchema>;

export const ReportLimitsSchema = LimitsSchema.extend({
  maxConsoleLines: z.number().int(),
  maxConsoleBytes: z.number().int(),
  maxResultBytes: z.number().int(),
});
export type ReportLimits = z.infer<typeof ReportLimitsSchema>;

export const GradeReportSchema = z.object({
  version: z.literal(1),
  exerciseId: z.string(),
  mode: ModeSchema,
  status: ReportStatusSchema,
  score: z.number().min(0).max(1),
  /** content hash of the exercise folder that graded it (grader/content/content-hash.ts); absent in reports from before hashes */
  contentHash: z.string().optional(),
  /** set only when the grader, not the student's code, failed (a lost or unstartable worker): no verdict on the code,
   *  so a regrade retries it or counts it as an error instead of replacing the previous report with it */
  infrastructureFailure: z.literal(true).optional(),
  /** one line for the student: what happened overall */
  summary: z.string(),
  tests: z.array(TestResultSchema),
  misconceptions: z.array(z.object({ id: z.string(), message: z.string(), lesson: z.string().optional(), testIds: z.array(z.string()) })),
  compileErrors: z.array(CompileErrorSchema),
  console: z.array(z.string()),
  limits: ReportLimitsSchema,
  timings: z.object({
    compileMs: z.number(),
    sandboxMs: z.number(),
    compareMs: z.number(),
    totalMs: z.number(),
    queueMs: z.number().optional(),
  }),
});
export type GradeReport = z.infer<typeof GradeReportSchema>;

/** Hex, as made by lib/submissions (crypto random); never shown to students. */
export const GradingSeedSchema = z.string().regex(/^[0-9a-f]{8,64}$/, "must be 8–64 lowercase hex digits");

/** Input of gradeSubmission (validated at the public API boundary). */
export const GradeRequestSchema = z.object({
  exerciseId: kebabId,
  code: z.string().max(100_000, "code is limited to 100 000 characters"),
  language: LanguageSchema,
  mode: ModeSchema,
  /**
   * Seeds the hidden tests' inputs (fresh per submission, stored with it so a
   * grading can be reproduced). Absent: a random seed for this grading.
   */
  seed: GradingSeedSchema.optional(),
});
export type GradeRequest = z.infer<typeof GradeRequestSchema>;

/** Fixed caps that are not per exercise. */
export const FIXED_CAPS = { maxConsoleLines: 100, maxConsoleBytes: 10_000, maxResultBytes: 256_000 } as const;
