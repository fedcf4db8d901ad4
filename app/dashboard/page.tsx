import type { Metadata } from "next";
import Link from "next/link";
import { formatPoints } from "@/lib/analytics/format";
import { LocalTime } from "@/app/_components/local-time";
import { InlineCode } from "@/app/_components/results/inline-code";
import { requireUser } from "@/lib/auth/session";
import { isListed } from "@/lib/dashboard/activity";
import { formatPercent } from "@/lib/format/percent";
import { getStudentDashboard } from "@/lib/dashboard/student-dashboard";
import styles from "./dashboard.module.css";
import { StatusPill } from "./status-pill";

export const metadata: Metadata = { title: "My progress" };
export const dynamic = "force-dynamic";

const pct = (score: number, max: number) => (max ? formatPercent(score / max) : "—");
const times = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const data = await getStudentDashboard(user.id);
  const title = (id: string) => data.title({ kind: "exercise", id });

  return (
    <div className="stack">
      <h1>My progress</h1>

      <section className={`card ${styles.continue}`} aria-labelledby="continue-heading">
        <h2 id="continue-heading" className="visually-hidden">
          Continue where you left off
        </h2>
        {data.next ? (
          <>
            <span>{data.next.reason === "resume" ? "Continue where you left off:" : "Up next:"}</span>
            <Link className="button" href={data.next.href} data-testid="continue-link">
              {data.next.label}
            </Link>
          </>
        ) : (
          <p>You have completed every lesson, quiz and exercise. Well done!</p>
        )}
      </section>

      <section aria-labelledby="modules-heading" className="stack">
        <h2 id="modules-heading">Modules</h2>
        <ol className={styles.modules}>
          {data.modules.map((m) => (
            <li key={m.moduleId} className="card" data-testid={`progress-${m.moduleId}`}>
              <div className={styles.moduleHeader}>
                <h3>{m.title}</h3>
              </div>
              <table className={`data ${styles.itemTable}`}>
                <caption className="visually-hidden">Progress in {m.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Status</th>
                    <th scope="col">Best</th>
                    <th scope="col">Latest</th>
                    <th scope="col">Attempts</th>
                  </tr>
                </thead>
                <tbody>
                  <tr data-testid={`lesson-${m.lessonId}`}>
                    <th scope="row">
                      <Link href={`/lessons/${m.lessonId}`}>{data.title({ kind: "lesson", id: m.lessonId })}</Link>
                    </th>
                    <td>
                      <StatusPill status={m.lessonRead ? "read" : "unread"} />
                    </td>
                    <td>—</td>
                    <td>—</td>
                    <td>—</td>
                  </tr>
                  <tr data-testid={`quiz-${m.quizId}`}>
                    <th scope="row">
                      <Link href={`/quizzes/${m.quizId}`}>{data.title({ kind: "quiz", id: m.quizId })}</Link>
                    </th>
                    <td>
                      <StatusPill status={m.quizAttempts > 0 ? "taken" : "not-taken"} />
                    </td>
                    <td>{m.quizBest ? `${formatPoints(m.quizBest.score)}/${formatPoints(m.quizBest.maxScore)} (${pct(m.quizBest.score, m.quizBest.maxScore)})` : "—"}</td>
                    <td>{m.quizLatest ? `${formatPoints(m.quizLatest.score)}/${formatPoints(m.quizLatest.maxScore)}` : "—"}</td>
                    <td>{m.quizAttempts}</td>
                  </tr>
                  {m.exercises.map((e) => (
                    <tr key={e.id} data-testid={`exercise-${e.id}`}>
                      <th scope="row">
                        <Link href={`/exercises/${e.id}`}>{title(e.id)}</Link>
                      </th>
                      <td>
                        <StatusPill status={e.status} />
                      </td>
                      <td>{e.bestScore === null ? "—" : pct(e.bestScore, 1)}</td>
                      <td>{e.latestScore == null ? "—" : pct(e.latestScore, 1)}</td>
                      <td>{e.attempts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="misconceptions-heading" className="card">
        <h2 id="misconceptions-heading">Misconceptions the grader spotted in your code</h2>
        {data.misconceptions.length === 0 ? (
          <p className="muted">None so far. When a submission matches a known mistake, it shows up here with the lesson section that explains it.</p>
        ) : (
          <ul className={styles.misconceptions} data-testid="misconceptions">
            {data.misconceptions.map((m) => (
              <li
                key={`${m.exerciseId}/${m.misconceptionId}`}
                className={m.resolved ? styles.resolved : undefined}
                data-testid={`misconception-${m.misconceptionId}`}
                data-resolved={m.resolved ? "true" : "false"}
              >
                {m.resolved ? (
                  <span className="status-pill status-pill--done">✓ resolved</span>
                ) : (
                  <span className="status-pill status-pill--partial">still open</span>
                )}{" "}
                <strong>{title(m.exerciseId)}</strong> — <InlineCode text={m.message ?? m.misconceptionId} />{" "}
                <span className="muted">
                  (seen in {[m.submissions && times(m.submissions, "submission"), m.runs && times(m.runs, "practice run")].filter(Boolean).join(" and ")}; last{" "}
                  <LocalTime iso={m.lastSeen.toISOString()} />
                  {m.resolved ? "; your later code no longer shows it" : ""})
                </span>
                {m.lesson && (
                  <>
                    {" "}
                    <Link href={m.lesson}>Review the lesson section</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-heading" className="card">
        <h2 id="activity-heading">Recent activity</h2>
        {data.recent.length === 0 ? (
          <p className="muted">Nothing yet — start with the first lesson.</p>
        ) : (
          <ul className={styles.activity} data-testid="recent-activity">
            {data.recent.filter(isListed).map((a) => (
              <li key={`${a.kind}-${a.itemId}-${a.at.getTime()}`}>
                <LocalTime iso={a.at.toISOString()} />
                <Link href={a.href}>{a.summary}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
