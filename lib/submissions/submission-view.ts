/**
 * What a browser may see of a stored submission. The stored report is parsed
 * again (never trusted blindly) and hidden tests are stripped to name and
 * verdict, even if a future grader put more into them.
 */
import { type GradeReport, GradeReportSchema } from "@/grader";

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
  status: "queued" | "running" | "graded" | "error";
  mode: "run" | "submit";
  language: "typescript" | "javascript";
  verdict: string | null;
  score: number | null;
  gradingMs: number | null;
  createdAt: string;
  report: GradeReport | null;
}

export function publicReport(raw: string | null): GradeReport | null {
  if (!raw) return null;
  const parsed = GradeReportSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return null;
  const report = parsed.data;
  return {
    ...report,
    tests: report.tests.map((t) =>
      t.visibility === "hidden"
        ? { id: t.id, name: t.name, visibility: t.visibility, status: t.status, points: t.points, maxPoints: t.maxPoints, message: t.message }
        : t,
    ),
  };
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
