import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { courseOutline } from "@/lib/content/manifest";
import { getModuleProgress, type ModuleProgress } from "@/lib/content/module-progress";
import styles from "./lessons.module.css";
import { formatPercent } from "@/lib/format/percent";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lessons" };

function percent(score: { score: number; maxScore: number } | null): string {
  return score && score.maxScore > 0 ? formatPercent(score.score / score.maxScore) : "—";
}

function Status({ progress }: { progress: ModuleProgress }) {
  const passed = progress.exercises.filter((e) => e.status === "passed").length;
  return (
    <p className={styles.status} data-testid={`progress-${progress.moduleId}`}>
      <span className={progress.lessonRead ? styles.done : styles.todo}>{progress.lessonRead ? "✓ Lesson read" : "Lesson not read"}</span>
      <span>
        Quiz best {percent(progress.quizBest)}, latest {percent(progress.quizLatest)} ({progress.quizAttempts} attempt{progress.quizAttempts === 1 ? "" : "s"})
      </span>
      {progress.exercises.length > 0 && (
        <span>
          Exercises passed {passed} of {progress.exercises.length}
        </span>
      )}
    </p>
  );
}

export default async function LessonsPage() {
  const [course, user] = await Promise.all([courseOutline(), getCurrentUser()]);
  const progress = user ? await getModuleProgress(user.id) : [];
  return (
    <div className={styles.layout}>
      <h1>Lessons</h1>
      <ol className={styles.moduleList}>
        {course.modules.map((m) => {
          const p = progress.find((x) => x.moduleId === m.id);
          return (
            <li key={m.id} className="card">
              <h2 style={{ margin: "0 0 0.25rem", fontSize: "1.15rem" }}>
                <Link href={`/lessons/${m.lesson}`}>{m.title}</Link>
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {m.summary}
              </p>
              {p && <Status progress={p} />}
              <Link href={`/quizzes/${m.quiz}`}>Quiz</Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
