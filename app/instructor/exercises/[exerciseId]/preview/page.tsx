import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ExercisePrompt, lessonIdOf } from "@/app/exercises/[id]/exercise-prompt";
import { requireInstructor } from "@/lib/auth/session";
import { findExercise } from "@/lib/content/manifest";
import { itemTitle } from "@/lib/course-nav/item-titles";
import { PasteBox } from "./paste-box";
import { PreviewReport } from "./preview-report";

export const metadata: Metadata = { title: "Exercise preview" };
export const dynamic = "force-dynamic";

/**
 * Instructor-only: an exercise as students see it, every test with its hidden
 * data, the checker's verdicts, and a box to grade any pasted solution.
 */
export default async function ExercisePreviewPage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const { exerciseId } = await params;
  await requireInstructor(`/instructor/exercises/${encodeURIComponent(exerciseId)}/preview`);
  const exercise = await findExercise(exerciseId);
  if (!exercise) notFound();
  const lessonId = lessonIdOf(exercise);
  const lessonName = await itemTitle({ kind: "lesson", id: lessonId });

  return (
    <div className="stack">
      <p>
        <Link href={`/instructor/exercises/${exercise.id}`}>← {exercise.title}</Link>
      </p>
      <h1>Preview: {exercise.title}</h1>
      <p className="muted">
        Instructors only. Content {exercise.contentHash}; hidden tests' inputs below are those of one grading seed (each submission draws its own).
      </p>

      <section className="card" aria-labelledby="student-heading">
        <h2 id="student-heading">What students see</h2>
        <ExercisePrompt
          exercise={exercise}
          lessonId={lessonId}
          lessonName={lessonName}
          hints={<p className="muted">(Students also see their progressive hints here, one at a time, if the exercise has hints.md.)</p>}
        />
      </section>

      <Suspense
        fallback={
          <p className="card" role="status">
            Grading the reference and every known mistake (the first load after an edit takes a few seconds)…
          </p>
        }
      >
        <PreviewReport exerciseId={exercise.id} contentHash={exercise.contentHash} />
      </Suspense>

      <section className="card" aria-labelledby="paste-heading">
        <h2 id="paste-heading">Grade a solution</h2>
        <p className="muted">Graded exactly like a student's submission, in the grading sandbox, on the grading seed above. Nothing is stored.</p>
        <PasteBox exerciseId={exercise.id} languages={exercise.languages} params={exercise.params} />
      </section>
    </div>
  );
}
