import type { Metadata } from "next";
import Link from "next/link";
import { getClassSummary } from "@/lib/analytics/class-summary";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { formatMs, formatPercent } from "@/lib/analytics/format";
import { getRosterPage } from "@/lib/analytics/roster-page";
import { parseRosterQuery } from "@/lib/analytics/roster-view";
import { requireInstructor } from "@/lib/auth/session";
import { LabEngagement } from "./_components/lab-engagement";
import { RosterMatrix } from "./_components/roster-matrix";
import styles from "./instructor.module.css";

export const metadata: Metadata = { title: "Instructor dashboard" };
export const dynamic = "force-dynamic";

export default async function InstructorDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireInstructor("/instructor");
  const query = parseRosterQuery(await searchParams);
  const items = await loadCourseItems();
  const [summary, page] = await Promise.all([getClassSummary(items), getRosterPage(items, query)]);
  const { exercises: exerciseSummary, quizzes: quizSummary } = summary;

  return (
    <div className="stack">
      <h1>Instructor dashboard</h1>
      <div className={styles.toolbar}>
        <a className="button" href="/api/instructor/grades" download>
          Download grades (CSV)
        </a>
        <Link className="button button--secondary" href="/instructor/users">
          Users and roles
        </Link>
        <span className="muted">{summary.students} students</span>
      </div>

      <div className={styles.grid2}>
        <section className="card" aria-labelledby="exercises-heading">
          <h2 id="exercises-heading">Exercises</h2>
          <table className="data" data-testid="exercise-summary">
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Submitted</th>
                <th scope="col">Passed</th>
                <th scope="col">Pass rate</th>
                <th scope="col">Median grading</th>
              </tr>
            </thead>
            <tbody>
              {exerciseSummary.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link href={`/instructor/exercises/${e.id}`}>{e.title}</Link>
                  </th>
                  <td>{e.attempted}</td>
                  <td>{e.passed}</td>
                  <td>{formatPercent(e.passRate)}</td>
                  <td>{formatMs(e.median)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="quizzes-heading">
          <h2 id="quizzes-heading">Quizzes</h2>
          <table className="data" data-testid="quiz-summary">
            <thead>
              <tr>
                <th scope="col">Quiz</th>
                <th scope="col">Students</th>
                <th scope="col">Mean best score</th>
              </tr>
            </thead>
            <tbody>
              {quizSummary.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link href={`/instructor/quizzes/${q.id}`}>{q.title}</Link>
                  </th>
                  <td>{q.students}</td>
                  <td>{formatPercent(q.meanBest)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <LabEngagement />
      </div>

      <RosterMatrix page={page} query={query} items={items} />
    </div>
  );
}
