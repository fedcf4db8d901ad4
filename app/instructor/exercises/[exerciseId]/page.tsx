import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { describeMisconception, getExerciseStats } from "@/lib/analytics/exercise-stats";
import { formatMs, formatPercent } from "@/lib/analytics/format";
import { exerciseTestNames } from "@/lib/analytics/test-names";
import { requireInstructor } from "@/lib/auth/session";
import { SimpleBarChart } from "../../_components/bar-chart";
import styles from "../../instructor.module.css";

export const metadata: Metadata = { title: "Exercise analytics" };
export const dynamic = "force-dynamic";

export default async function ExerciseAnalyticsPage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const { exerciseId } = await params;
  await requireInstructor(`/instructor/exercises/${encodeURIComponent(exerciseId)}`);
  const exercise = (await loadCourseItems()).exercises.find((e) => e.id === exerciseId);
  if (!exercise) notFound();
  const stats = await getExerciseStats(exerciseId);
  const names = await exerciseTestNames(
    exerciseId,
    stats.hiddenTestFailures.map((t) => t.testId),
  );
  const misconceptions = await Promise.all(
    stats.misconceptions.slice(0, 10).map(async (m) => ({ ...m, info: await describeMisconception(exerciseId, m.misconceptionId) })),
  );
  const topTests = stats.hiddenTestFailures.slice(0, 10);

  return (
    <div className="stack">
      <p>
        <Link href="/instructor">← Instructor dashboard</Link>
      </p>
      <h1>{exercise.title}</h1>
      <p>
        <Link href={`/instructor/exercises/${exercise.id}/preview`}>Preview: tests, reference, mistakes, grade a pasted solution</Link>
        {" · "}
        <Link href={`/instructor/exercises/${exercise.id}/regrade`}>Regrade submissions against the current content</Link>
      </p>
      <dl className={styles.toolbar} data-testid="exercise-headline">
        <dt>Pass rate</dt>
        <dd data-testid="pass-rate">
          {formatPercent(stats.passRate)} ({stats.studentsPassed} of {stats.studentsAttempted} students who submitted)
        </dd>
        <dt>Submits</dt>
        <dd>{stats.submits}</dd>
        <dt>Median grading time</dt>
        <dd data-testid="median-grading">{formatMs(stats.medianGradingMs)}</dd>
      </dl>

      <div className={styles.grid2}>
        <section className="card" aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">Submits until the first pass</h2>
          {stats.attemptsUntilPass.length === 0 ? (
            <p className="muted">No student has passed yet.</p>
          ) : (
            <>
              <SimpleBarChart
                data={stats.attemptsUntilPass.map((b) => ({ label: String(b.attempts), value: b.students }))}
                xLabel="submits until first pass"
                yLabel="students"
              />
              <table className="data" data-testid="attempts-table">
                <caption>Students by number of submits needed to pass</caption>
                <thead>
                  <tr>
                    <th scope="col">Submits</th>
                    <th scope="col">Students</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.attemptsUntilPass.map((b) => (
                    <tr key={b.attempts}>
                      <td>{b.attempts}</td>
                      <td>{b.students}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="hidden-heading">
          <h2 id="hidden-heading">Hidden tests failed most often</h2>
          {topTests.length === 0 ? (
            <p className="muted">No hidden test has failed yet.</p>
          ) : (
            <table className="data" data-testid="hidden-failures">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Failures</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Failure rate</th>
                </tr>
              </thead>
              <tbody>
                {topTests.map((t) => (
                  <tr key={t.testId}>
                    <th scope="row">
                      {names.get(t.testId) ?? t.testId} <code className="muted">{t.testId}</code>
                    </th>
                    <td>{t.failures}</td>
                    <td>{t.executions}</td>
                    <td>{formatPercent(t.failures / t.executions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="misconceptions-heading">
        <h2 id="misconceptions-heading">Misconceptions detected most often</h2>
        {misconceptions.length === 0 ? (
          <p className="muted">None detected yet.</p>
        ) : (
          <table className="data" data-testid="misconception-table">
            <thead>
              <tr>
                <th scope="col">Misconception</th>
                <th scope="col">Detections</th>
                <th scope="col">Students</th>
                <th scope="col">Grader&apos;s explanation</th>
              </tr>
            </thead>
            <tbody>
              {misconceptions.map((m) => (
                <tr key={m.misconceptionId}>
                  <th scope="row">
                    <code>{m.misconceptionId}</code>
                  </th>
                  <td>{m.detections}</td>
                  <td>{m.students}</td>
                  <td>
                    {m.info?.message ?? "—"} {m.info?.lesson && <Link href={m.info.lesson}>lesson</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
