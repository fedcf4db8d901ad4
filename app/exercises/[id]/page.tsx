import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/app/_components/markdown/markdown";
import { loadPublicExercise } from "@/grader";
import { loadCourse } from "@/lib/content/course";
import { itemTitle } from "@/lib/course-nav/item-titles";
import { nextStep } from "@/lib/course-nav/next-step";
import { requireUser } from "@/lib/auth/session";
import { getDraft } from "@/lib/drafts/drafts";
import { openedHints } from "@/lib/hints/hint-opens";
import { listSubmissionHistory } from "@/lib/submissions/get-submission";
import { starterViews } from "@/lib/submissions/starter-views";
import { isKnownExercise } from "@/lib/submissions/known-exercise";
import styles from "../workspace.module.css";
import { HintsPanel } from "./hints-panel";
import { Workspace } from "./workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await isKnownExercise(id))) return { title: "Exercise not found" };
  return { title: (await loadPublicExercise(id)).title };
}

export default async function ExercisePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/exercises/${id}`);
  if (!(await isKnownExercise(id))) notFound();
  const [exercise, draft, history, hints] = await Promise.all([
    loadPublicExercise(id),
    getDraft(user.id, id),
    listSubmissionHistory(user.id, id),
    openedHints(user.id, id),
  ]);
  const lessonId = exercise.lesson.split("#")[0].replace(/^\/lessons\//, "");
  const step = nextStep(await loadCourse(), { kind: "exercise", id });
  const [lessonName, nextTitle] = await Promise.all([
    itemTitle({ kind: "lesson", id: lessonId }),
    step.id && step.kind !== "dashboard" ? itemTitle({ kind: step.kind, id: step.id }) : Promise.resolve("Your progress"),
  ]);

  const prompt = (
    <article className={styles.prompt} aria-label={`Exercise: ${exercise.title}`}>
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/exercises">Exercises</Link> / <Link href={`/lessons/${lessonId}`}>{lessonName}</Link>
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
  );

  const views = starterViews(exercise.starter, exercise.entry);
  return (
    <Workspace
      userId={user.id}
      exerciseId={id}
      languages={exercise.languages}
      starters={{ typescript: exercise.starter, javascript: views.javascript }}
      declarations={views.declarations}
      serverDraft={draft ? { code: draft.code, language: draft.language, savedAt: Date.parse(draft.updatedAt) } : null}
      history={history}
      prompt={prompt}
      next={{ href: step.href, title: nextTitle }}
      params={exercise.params}
    />
  );
}
