import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPoints } from "@/lib/analytics/format";
import { getStudentDetail } from "@/lib/analytics/student-detail";
import { requireInstructor } from "@/lib/auth/session";
import { hintOpensByExercise } from "@/lib/hints/hint-opens";
import { loadHints } from "@/lib/hints/hints-file";
import { type HintsAtSubmission, SubmissionReport } from "./submission-report";

export const metadata: Metadata = { title: "Student detail" };
export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

export default async function StudentDetailPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await requireInstructor(`/instructor/students/${encodeURIComponent(userId)}`);
  const detail = userId.length <= 100 ? await getStudentDetail(userId) : null;
  if (!detail) notFound();
  const { user } = detail;
  // Hints opened up to each submission's time, shown beside it.
  const opens = await hintOpensByExercise(userId);
  const exerciseIds = [...new Set(detail.submissions.map((s) => s.exerciseId))];
  const totals = new Map(await Promise.all(exerciseIds.map(async (id) => [id, (await loadHints(id)).length] as const)));
  const hintsAt = (exerciseId: string, at: Date): HintsAtSubmission => ({
    total: totals.get(exerciseId) ?? 0,
    opened: (opens.get(exerciseId) ?? []).filter((o) => o.openedAt <= at).map((o) => o.index + 1),
  });

  return (
    <div className="stack">
      <p>
        <Link href="/instructor">← Instructor dashboard</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="muted">
        {user.email} · {user.role} · joined {when(user.createdAt)} · lessons read: {detail.lessonsRead.map((l) => l.lessonId).join(", ") || "none"}
      </p>

      <section aria-labelledby="attempts-heading" className="card">
        <h2 id="attempts-heading">Quiz attempts</h2>
        {detail.quizAttempts.length === 0 ? (
          <p className="muted">No quiz attempts.</p>
        ) : (
          <table className="data" data-testid="student-quiz-attempts">
            <thead>
              <tr>
                <th scope="col">Quiz</th>
                <th scope="col">Status</th>
                <th scope="col">Score</th>
                <th scope="col">Correct answers</th>
                <th scope="col">Started</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {detail.quizAttempts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/instructor/quizzes/${a.quizId}`}>{a.quizId}</Link>
                  </th>
                  <td>{a.status.replace("_", " ")}</td>
                  <td>{a.score === null ? "—" : `${formatPoints(a.score)}/${formatPoints(a.maxScore)}`}</td>
                  <td>{a.status === "submitted" ? `${a.correctAnswers} of ${a.answers}` : "—"}</td>
                  <td>{when(a.startedAt)}</td>
                  <td>{when(a.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="submissions-heading" className="stack">
        <h2 id="submissions-heading">Submissions ({detail.submissions.length})</h2>
        {detail.submissions.length === 0 ? (
          <p className="muted">No submissions.</p>
        ) : (
          detail.submissions.map((s) => <SubmissionReport key={s.id} submission={s} hints={hintsAt(s.exerciseId, s.createdAt)} />)
        )}
      </section>
    </div>
  );
}
