import type { Metadata } from "next";
import Link from "next/link";
import { listExercises } from "@/lib/content/manifest";
import { requireUser } from "@/lib/auth/session";
import styles from "./workspace.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coding exercises" };

export default async function ExercisesPage() {
  await requireUser("/exercises");
  const exercises = await listExercises();
  return (
    <section className="stack">
      <h1>Coding exercises</h1>
      <ul className={styles.list}>
        {exercises.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <Link href={`/exercises/${e.id}`}>{e.title}</Link>
            </h2>
            <p className="muted">
              {e.publicTests.length} public and {e.hiddenTests.length} hidden tests, {e.totalPoints} points.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
