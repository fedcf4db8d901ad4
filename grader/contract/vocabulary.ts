/**
 * The product's one vocabulary: ids, languages, modes, statuses and the marker
 * strings that stand for values JSON cannot carry. Defined here once, as zod
 * schemas with their TypeScript types derived from them; the grader, lib/, the
 * UI and the scripts import them (vocabulary.test.ts fails if one is written
 * out again elsewhere). Browser-safe: only zod, no Node APIs.
 */
import { z } from "zod";

// ---------- ids ----------

/** Exercise, module, quiz and lesson ids: kebab-case, so an id can name a file without path traversal.
 *  KEBAB_NAME is the pattern without anchors, for file names built from an id ("<id>.ts"). */
export const KEBAB_NAME = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const KEBAB_ID = new RegExp(`^${KEBAB_NAME}$`);
export const KebabIdSchema = z.string().regex(KEBAB_ID, "must be kebab-case (a-z, 0-9, single dashes)");
export const isKebabId = (value: string): boolean => KEBAB_ID.test(value);

// ---------- languages and modes ----------

export const LANGUAGES = ["typescript", "javascript"] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** run: public tests only, not counted; submit: every test, counted. */
export const MODES = ["run", "submit"] as const;
export const ModeSchema = z.enum(MODES);
export type Mode = z.infer<typeof ModeSchema>;

// ---------- statuses ----------

/** A stored submission's life: queued → running → graded (or error when grading itself failed). */
export const SUBMISSION_STATUSES = ["queued", "running", "graded", "error"] as const;
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** One test's outcome in a GradeReport. */
export const TEST_STATUSES = ["passed", "failed", "error", "timeout"] as const;
export const TestStatusSchema = z.enum(TEST_STATUSES);
export type TestStatus = z.infer<typeof TestStatusSchema>;

/** A whole grading's outcome (GradeReport.status; a graded submission's verdict). */
export const REPORT_STATUSES = ["passed", "failed", "error"] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

// ---------- value markers ----------

/**
 * Strings the sandbox harness (grader/engine/sandbox-harness.ts, which runs as source
 * text inside the isolate and so writes them out itself) and the host use for
 * values JSON cannot carry.
 */
export const VALUE_MARKERS = {
  nan: "__NaN__",
  infinity: "__Infinity__",
  negativeInfinity: "__-Infinity__",
  undefined: "__undefined__",
  function: "__function__",
  bigint: "__bigint__",
  symbol: "__symbol__",
  /** a scenario step the student's code never reached (grader/engine/host-runner.ts) */
  notReached: "__not-reached__",
} as const;
export type ValueMarker = (typeof VALUE_MARKERS)[keyof typeof VALUE_MARKERS];

/** The markers that stand for non-finite numbers, and the number each stands for. */
export const NON_FINITE_MARKERS: Readonly<Record<string, number>> = {
  [VALUE_MARKERS.nan]: Number.NaN,
  [VALUE_MARKERS.infinity]: Number.POSITIVE_INFINITY,
  [VALUE_MARKERS.negativeInfinity]: Number.NEGATIVE_INFINITY,
};

/** A number as JSON carries it: finite numbers as is, the others as their marker. */
export function encodeNumber(value: number): number | string {
  if (Number.isNaN(value)) return VALUE_MARKERS.nan;
  if (value === Number.POSITIVE_INFINITY) return VALUE_MARKERS.infinity;
  if (value === Number.NEGATIVE_INFINITY) return VALUE_MARKERS.negativeInfinity;
  return value;
}
