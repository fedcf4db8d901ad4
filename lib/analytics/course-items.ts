/**
 * The gradable items of the course in outline order (exercises/course.json):
 * per module its lesson, its quiz and its exercises, with the titles and
 * maximum scores the dashboards and the CSV export show. Read from files
 * only (no TypeScript evaluation), so it is safe in the web server.
 */
import { loadCourse } from "@/lib/content/course";
import { lessonTitle, loadLessonMarkdown } from "@/lib/content/lessons";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import { readExerciseSpec } from "@/grader/load-exercise";

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

async function exerciseTitle(id: string): Promise<string> {
  try {
    return (await readExerciseSpec(id)).title;
  } catch {
    return id; // a broken exercise.json must not take the dashboards down
  }
}

// Content files change only when an instructor edits them: re-reading them at
// most every few seconds keeps every dashboard request from parsing 16 files.
const CACHE_MS = 5_000;
let cached: { at: number; items: Promise<CourseItems> } | null = null;

export function loadCourseItems(): Promise<CourseItems> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.items;
  const items = readCourseItems();
  cached = { at: Date.now(), items };
  items.catch(() => {
    if (cached?.items === items) cached = null;
  });
  return items;
}

async function readCourseItems(): Promise<CourseItems> {
  const course = await loadCourse();
  const ordered: CourseItem[] = [];
  for (const m of course.modules) {
    const [markdown, quiz, exercises] = await Promise.all([
      loadLessonMarkdown(m.lesson),
      loadQuiz(m.quiz),
      Promise.all(m.exercises.map(async (id) => ({ id, title: await exerciseTitle(id) }))),
    ]);
    ordered.push({ kind: "lesson", id: m.lesson, moduleId: m.id, title: (markdown && lessonTitle(markdown)) ?? m.title });
    ordered.push({
      kind: "quiz",
      id: m.quiz,
      moduleId: m.id,
      title: quiz?.title ?? m.quiz,
      maxScore: quiz ? quiz.questions.reduce((s, q) => s + q.points, 0) : 0,
    });
    for (const e of exercises) ordered.push({ kind: "exercise", id: e.id, moduleId: m.id, title: e.title });
  }
  return {
    ordered,
    lessons: ordered.filter((i): i is LessonItem => i.kind === "lesson"),
    quizzes: ordered.filter((i): i is QuizItem => i.kind === "quiz"),
    exercises: ordered.filter((i): i is ExerciseItem => i.kind === "exercise"),
  };
}
