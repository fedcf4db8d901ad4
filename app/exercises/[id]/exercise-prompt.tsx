/**
 * An exercise's prompt pane exactly as a student sees it: breadcrumb, the
 * rendered prompt.md, the hints slot and the list of public tests. Shared by
 * the student's workspace and the instructor's preview, so the preview cannot
 * drift from what students get.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { Markdown } from "@/app/_components/markdown/markdown";
import type { ManifestExercise } from "@/lib/content/manifest-schema";
import styles from "../workspace.module.css";

interface Props {
  exercise: ManifestExercise;
  lessonId: string;
  lessonName: string;
  /** the progressive hints panel (per student; the preview shows its own note) */
  hints?: ReactNode;
}

export function ExercisePrompt({ exercise, lessonId, lessonName, hints }: Props) {
  return (
    <article className={styles.prompt} aria-label={`Exercise: ${exercise.title}`}>
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/exercises">Exercises</Link> / <Link href={`/lessons/${lessonId}`}>{lessonName}</Link>
      </nav>
      {/* prompt.md opens with the exercise title as its h1 */}
      <Markdown source={exercise.prompt} />
      {hints}
      <h2>Tests</h2>
      <p className="muted">
        Run checks your code against the {exercise.publicTests.length} public tests. Submit grades it against all{" "}
        {exercise.publicTests.length + exercise.hiddenTests.length} tests ({exercise.totalPoints} points) and records an attempt.
      </p>
      <ul>
        {exercise.publicTests.map((t) => (
          <li key={t.id}>{t.name}</li>
        ))}
      </ul>
    </article>
  );
}

/** The module id an exercise's default lesson link points into. */
export const lessonIdOf = (exercise: ManifestExercise): string => exercise.lesson.split("#")[0].replace(/^\/lessons\//, "");
