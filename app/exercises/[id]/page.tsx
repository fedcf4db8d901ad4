import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { itemTitle } from "@/lib/course-nav/item-titles";
import { nextStep } from "@/lib/course-nav/next-step";
import { requireUser } from "@/lib/auth/session";
import { courseOutline, findExercise } from "@/lib/content/manifest";
import { getDraft } from "@/lib/drafts/drafts";
import { openedHints } from "@/lib/hints/hint-opens";
import { listSubmissionHistory } from "@/lib/submissions/get-submission";
import { ExercisePrompt, lessonIdOf } from "./exercise-prompt";
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
  const lessonId = lessonIdOf(exercise);
  const step = nextStep(await courseOutline(), { kind: "exercise", id });
  const [lessonName, nextTitle] = await Promise.all([
    itemTitle({ kind: "lesson", id: lessonId }),
    step.id && step.kind !== "dashboard" ? itemTitle({ kind: step.kind, id: step.id }) : Promise.resolve("Your progress"),
  ]);

  const prompt = (
    <ExercisePrompt exercise={exercise} lessonId={lessonId} lessonName={lessonName} hints={<HintsPanel exerciseId={id} total={hints.total} opened={hints.opened} />} />
  );

  // Keyed by exercise: moving to another exercise opens a fresh workspace that reads that exercise's draft.
  return (
    <Workspace
      key={id}
      userId={user.id}
      exerciseId={id}
      languages={exercise.languages}
      starters={exercise.starters}
      declarations={exercise.declarations}
      serverDraft={draft ? { code: draft.code, language: draft.language, savedAt: Date.parse(draft.updatedAt) } : null}
      history={history}
      prompt={prompt}
      next={{ href: step.href, title: nextTitle }}
      params={exercise.params}
    />
  );
}
