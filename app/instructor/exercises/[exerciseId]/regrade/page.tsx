import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPercent } from "@/lib/analytics/format";
import { requireInstructor } from "@/lib/auth/session";
import { regradeOverview } from "@/lib/regrade/overview";
import { staleSummary } from "@/lib/regrade/stale";
import { RegradeControls } from "./regrade-controls";

export const metadata: Metadata = { title: "Regrade" };
export const dynamic = "force-dynamic";

const STATUS_TEXT: Record<string, string> = {
  running: "Regrading in the background (students' gradings go first).",
  paused: "Paused. Resume to continue where it stopped.",
  staged: "Regraded. Nothing has changed for students yet: review the changes below, then apply them.",
  applied: "Applied: dashboards show the new results.",
  discarded: "Discarded: the old results stand.",
};

const verdict = (v: string | null) => v ?? "—";
const score = (s: number | null) => (s === null ? "—" : formatPercent(s));

export default async function RegradePage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const { exerciseId } = await params;
  await requireInstructor(`/instructor/exercises/${encodeURIComponent(exerciseId)}/regrade`);
  const overview = await regradeOverview(exerciseId);
  if (!overview) notFound();
  const { exercise, stale, job, changes } = overview;

  return (
    <div className="stack">
      <p>
        <Link href={`/instructor/exercises/${exercise.id}`}>← {exercise.title}</Link> ·{" "}
        <Link href={`/instructor/exercises/${exercise.id}/preview`}>Preview</Link>
      </p>
      <h1>Regrade: {exercise.title}</h1>
      <p data-testid="stale-count">
        <strong>{staleSummary(stale)}</strong> <span className="muted">(current content {exercise.contentHash})</span>
      </p>
      {job && (
        <section className="card" aria-labelledby="job-heading" data-testid="regrade-job" data-status={job.status}>
          <h2 id="job-heading">Latest regrade</h2>
          <p>{STATUS_TEXT[job.status] ?? job.status}</p>
          <label>
            {job.done} of {job.total} regraded{job.errors ? ` (${job.errors} could not be graded)` : ""}
            <br />
            <progress value={job.done} max={Math.max(1, job.total)} style={{ width: "100%" }} />
          </label>
        </section>
      )}
      <RegradeControls exerciseId={exercise.id} jobId={job?.id ?? null} status={job?.status ?? null} stale={stale} />
      {changes && (
        <section className="card" aria-labelledby="changes-heading">
          <h2 id="changes-heading">What changed</h2>
          <p data-testid="change-summary">
            {changes.failedToPassed} failed → passed, {changes.passedToFailed} passed → failed, {changes.scoreOnly} score only, {changes.unchanged} unchanged.
          </p>
          {changes.changes.length > 0 && (
            <table className="data" data-testid="regrade-changes">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {changes.changes.map((c) => (
                  <tr key={c.submissionId}>
                    <th scope="row">
                      <Link href={`/instructor/students/${c.userId}`}>{c.studentName}</Link> <span className="muted">{c.studentEmail}</span>
                    </th>
                    <td>{c.submittedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                    <td>
                      {verdict(c.oldVerdict)} → {verdict(c.newVerdict)}
                    </td>
                    <td>
                      {score(c.oldScore)} → {score(c.newScore)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
