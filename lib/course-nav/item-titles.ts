/**
 * Titles students read instead of ids: a lesson's first heading, a quiz's
 * title, an exercise's title from its exercise.json (read in this process;
 * no grading worker is involved). Cached for the process lifetime, like the
 * content itself.
 */
import { exerciseTitle } from "@/grader";
import { loadLessonMarkdown, lessonTitle } from "@/lib/content/lessons";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import type { Course } from "@/lib/content/course";
import { type CourseItem, courseOrder, type TitleOf } from "./next-step";

const cache = new Map<string, Promise<string>>();

async function read(item: CourseItem): Promise<string> {
  if (item.kind === "exercise") return exerciseTitle(item.id);
  if (item.kind === "quiz") return (await loadQuiz(item.id))?.title ?? item.id;
  const markdown = await loadLessonMarkdown(item.id);
  return (markdown && lessonTitle(markdown)) ?? item.id;
}

export function itemTitle(item: CourseItem): Promise<string> {
  const key = `${item.kind}:${item.id}`;
  let title = cache.get(key);
  if (!title) {
    title = read(item).catch(() => item.id);
    cache.set(key, title);
  }
  return title;
}

/** Every lesson, quiz and exercise title of the course, loaded at once. */
export async function courseTitles(course: Course): Promise<TitleOf> {
  const items = courseOrder(course);
  const titles = await Promise.all(items.map(itemTitle));
  const byKey = new Map(items.map((item, i) => [`${item.kind}:${item.id}`, titles[i]]));
  return (item) => byKey.get(`${item.kind}:${item.id}`) ?? item.id;
}
