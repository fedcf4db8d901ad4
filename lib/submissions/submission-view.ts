/**
 * What a browser may see of a stored submission. The stored report is parsed
 * again (never trusted blindly) and every hidden test entry is rebuilt from
 * its status and failure category alone (grader/contract/schema.ts: fixed message,
 * the author's hint when it did not pass), whatever a stored report holds —
 * including reports of older graders whose hidden messages carried more.
 * The submission's hidden seed is never part of the view.
 */
import { type GradeReport, GradeReportSchema } from "@/grader";
import { type FailureCategory, FailureCategorySchema, HIDDEN_MESSAGES } from "@/grader/contract/schema";
import { type Language, type Mode, type SubmissionStatus, TestStatusSchema } from "@/grader/contract/vocabulary";

export interface SubmissionRow {
  id: string;
  exerciseId: string;
  status: string;
  mode: string;
  language: string;
  verdict: string | null;
  score: number | null;
  report: string | null;
  gradingMs: number | null;
  createdAt: Date;
}

export interface SubmissionView {
  id: string;
  exerciseId: string;
  status: SubmissionStatus;
  mode: Mode;
  language: Language;
  verdict: string | null;
  score: number | null;
  gradingMs: number | null;
  createdAt: string;
  report: GradeReport | null;
}

/** Older reports have no category: the closest one for their status. */
const LEGACY_CATEGORY: Record<string, FailureCategory> = { failed: "wrong-values", error: "threw-error", timeout: "timed-out" };

/** A hidden entry as the browser gets it: only fields from closed sets plus the fixed author hint. */
function hiddenEntry(raw: Record<string, unknown>): Record<string, unknown> {
  const status = TestStatusSchema.catch("error").parse(raw.status);
  const failure = status === "passed" ? undefined : FailureCategorySchema.catch(LEGACY_CATEGORY[status]).parse(raw.failure);
  return {
    id: raw.id,
    name: raw.name,
    visibility: "hidden",
    status,
    points: raw.points,
    maxPoints: raw.maxPoints,
    message: HIDDEN_MESSAGES[failure ?? "passed"],
    ...(failure ? { failure } : {}),
    ...(failure && typeof raw.hint === "string" ? { hint: raw.hint } : {}),
  };
}

export function publicReport(raw: string | null): GradeReport | null {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const tests = (json as { tests?: unknown })?.tests;
  if (Array.isArray(tests)) {
    (json as { tests: unknown[] }).tests = tests.map((t) =>
      t !== null && typeof t === "object" && (t as { visibility?: unknown }).visibility === "hidden" ? hiddenEntry(t as Record<string, unknown>) : t,
    );
  }
  const parsed = GradeReportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function toSubmissionView(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    status: row.status as SubmissionView["status"],
    mode: row.mode as SubmissionView["mode"],
    language: row.language as SubmissionView["language"],
    verdict: row.verdict,
    score: row.score,
    gradingMs: row.gradingMs,
    createdAt: row.createdAt.toISOString(),
    report: publicReport(row.report),
  };
}
