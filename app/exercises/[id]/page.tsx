import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/app/_components/markdown/markdown";
import { requireUser } from "@/lib/auth/session";
import { findExercise } from "@/lib/content/manifest";
import { getDraft } from "@/lib/drafts/drafts";
import { openedHints } from "@/lib/hints/hint-opens";
import { listSubmissionHistory } from "@/lib/submissions/get-submission";
import styles from "../workspace.module.css";
import { HintsPanel } from "./hints-panel";
import { Workspace } from "./workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await findExercise(id))?.title ?? "Exercise not found" };
}

export default async function ExercisePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/exercises/${id}`);
  const exercise = await findExercise(id);
  if (!exercise) notFound();
  const [draft, history, hints] = await Promise.all([
    getDraft(user.id, id),
    listSubmissionHistory(user.id, id),
    openedHints(user.id, id),
  ]);
  const lessonPath = exercise.lesson.split("#")[0];

  return (
    <div className={styles.layout}>
      <article className={styles.prompt} aria-label={`Exercise: ${exercise.title}`}>
        <nav aria-label="Breadcrumb" className="muted">
          <Link href="/exercises">Exercises</Link> / <Link href={lessonPath}>Lesson</Link>
        </nav>
        {/* prompt.md opens with the exercise title as its h1 */}
        <Markdown source={exercise.prompt} />
        <HintsPanel exerciseId={id} total={hints.total} opened={hints.opened} />
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
      <div className={styles.editorColumn}>
        <Workspace
          userId={user.id}
          exerciseId={id}
          languages={exercise.languages}
          starters={exercise.starters}
          declarations={exercise.declarations}
          serverDraft={draft ? { code: draft.code, language: draft.language, savedAt: Date.parse(draft.updatedAt) } : null}
          history={history}
        />
      </div>
    </div>
  );
}
