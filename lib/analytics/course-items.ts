/**
 * The gradable items of the course in outline order (exercises/course.json):
 * per module its lesson, its quiz and its exercises, with the titles and
 * maximum scores the dashboards and the CSV export show, from the content
 * manifest.
 */
import { getManifest } from "@/lib/content/manifest";

export interface LessonItem {
  kind: "lesson";
  id: string;
  moduleId: string;
  title: string;
}
export interface QuizItem {
  kind: "quiz";
  id: string;
  moduleId: string;
  title: string;
  /** sum of the question points of the current quiz file */
  maxScore: number;
}
export interface ExerciseItem {
  kind: "exercise";
  id: string;
  moduleId: string;
  title: string;
}
export type CourseItem = LessonItem | QuizItem | ExerciseItem;

export interface CourseItems {
  lessons: LessonItem[];
  quizzes: QuizItem[];
  exercises: ExerciseItem[];
  /** all items in outline order: module by module, lesson → quiz → exercises */
  ordered: CourseItem[];
}

/** From the content manifest (re-read only when it is rebuilt), so no dashboard request parses content files. */
export async function loadCourseItems(): Promise<CourseItems> {
  const manifest = await getManifest();
  const ordered: CourseItem[] = [];
  for (const m of manifest.course.modules) {
    const lesson = manifest.lessons[m.lesson];
    const quiz = manifest.quizzes[m.quiz];
    ordered.push({ kind: "lesson", id: m.lesson, moduleId: m.id, title: lesson?.title ?? m.title });
    ordered.push({ kind: "quiz", id: m.quiz, moduleId: m.id, title: quiz?.title ?? m.quiz, maxScore: quiz?.maxScore ?? 0 });
    for (const id of m.exercises) ordered.push({ kind: "exercise", id, moduleId: m.id, title: manifest.exercises[id]?.title ?? id });
  }
  return {
    ordered,
    lessons: ordered.filter((i): i is LessonItem => i.kind === "lesson"),
    quizzes: ordered.filter((i): i is QuizItem => i.kind === "quiz"),
    exercises: ordered.filter((i): i is ExerciseItem => i.kind === "exercise"),
  };
}
