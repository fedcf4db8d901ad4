/**
 * Grades a solution an instructor pasted into an exercise's preview, as a
 * student's submission would be graded: through the sandboxed grading pool
 * (the code is untrusted), in submit mode, on the preview's grading seed so
 * the author view can pair each test with the inputs and expected values the
 * preview computed for that seed. Returns both what a student would see (the
 * report filtered exactly like a stored submission's) and the author view.
 */
import "server-only";
import { type GradeReport, GraderBusyError, gradeSubmission } from "@/grader";
import type { Language } from "@/grader/contract/vocabulary";
import { publicReport } from "@/lib/submissions/submission-view";
import { PreviewError } from "./exercise-preview";
import type { AuthorRow, ExercisePreview } from "./preview-schema";

export interface PastedGrading {
  student: GradeReport;
  author: AuthorRow[];
}

/** The preview's rows with this grading's verdicts and the messages the grader gave. */
export function authorViewOf(preview: ExercisePreview, report: GradeReport): AuthorRow[] {
  const results = new Map(report.tests.map((t) => [t.id, t]));
  return preview.tests.map((row) => {
    const result = results.get(row.id);
    return { ...row, status: result?.status ?? "not run", message: result?.message ?? "" };
  });
}

export async function gradePasted(preview: ExercisePreview, code: string, language: Language): Promise<PastedGrading> {
  const report = await gradeSubmission({ exerciseId: preview.exerciseId, code, language, mode: "submit", seed: preview.seed }).catch((e: unknown) => {
    // the page shows PreviewError's message; the grader's own errors stay inside lib/
    if (e instanceof GraderBusyError) throw new PreviewError("Every grading worker is busy; try again in a moment.");
    throw e;
  });
  const student = publicReport(JSON.stringify(report));
  if (!student) throw new Error("the grader's report did not parse");
  return { student, author: authorViewOf(preview, report) };
}
