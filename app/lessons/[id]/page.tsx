import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/app/_components/markdown/markdown";
import { getCurrentUser } from "@/lib/auth/session";
import { courseOutline, findLesson } from "@/lib/content/manifest";
import { itemTitle } from "@/lib/course-nav/item-titles";
import { isLessonRead } from "@/lib/lessons/progress";
import styles from "../lessons.module.css";
import { MarkRead } from "../mark-read";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await findLesson(id))?.title ?? "Lesson not found" };
}

export default async function LessonPage({ params }: Props) {
  const { id } = await params;
  const [course, lesson, user] = await Promise.all([courseOutline(), findLesson(id), getCurrentUser()]);
  const index = course.modules.findIndex((m) => m.lesson === id);
  if (!lesson || index === -1) notFound();
  const current = course.modules[index];
  const next = course.modules[index + 1];
  const [read, exerciseTitles] = await Promise.all([
    user ? isLessonRead(user.id, id) : false,
    Promise.all(current.exercises.map((e) => itemTitle({ kind: "exercise", id: e }))),
  ]);

  return (
    <div className={styles.layout}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/lessons">Lessons</Link> / {current.title}
      </nav>
      <article className={styles.article}>
        <Markdown source={lesson.markdown} allowFigures />
      </article>
      <section className={styles.footer} aria-label="After this lesson">
        {user ? (
          <MarkRead lessonId={id} initiallyRead={read} />
        ) : (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/lessons/${id}`)}`}>Sign in</Link> to keep track of the lessons you have read.
          </p>
        )}
        <div className={styles.next}>
          <Link className="button" href={`/quizzes/${current.quiz}`}>
            Take the quiz
          </Link>
          {current.exercises.map((e, i) => (
            <Link key={e} className="button button--secondary" href={`/exercises/${e}`}>
              Exercise: {exerciseTitles[i]}
            </Link>
          ))}
          {next && (
            <Link className="button button--secondary" href={`/lessons/${next.lesson}`}>
              Next lesson: {next.title}
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
