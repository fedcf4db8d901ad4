/**
 * "What next?" after finishing an item, in course order (exercises/course.json):
 * after a quiz, the module's first exercise (else the next module's lesson);
 * after an exercise, the module's next exercise (else the next lesson);
 * after the last item, the dashboard. Pure, so it is unit-tested.
 */
import type { Course } from "@/lib/content/course";

/** The course outline as course.json or the manifest gives it: only the order matters here. */
type Outline = Pick<Course, "modules">;

export type CourseItem = { kind: "lesson" | "quiz" | "exercise"; id: string };

/** Looks up titles synchronously once they are loaded (item-titles.ts); unknown items read as their id. */
export type TitleOf = (item: CourseItem) => string;
export const idAsTitle: TitleOf = (item) => item.id;

export interface NextStep {
  kind: CourseItem["kind"] | "dashboard";
  id: string | null;
  href: string;
}

const href = (item: CourseItem) => `/${item.kind === "lesson" ? "lessons" : item.kind === "quiz" ? "quizzes" : "exercises"}/${item.id}`;

/** Every item in the order a student meets them. */
export function courseOrder(course: Outline): CourseItem[] {
  return course.modules.flatMap((m): CourseItem[] => [
    { kind: "lesson", id: m.lesson },
    { kind: "quiz", id: m.quiz },
    ...m.exercises.map((id): CourseItem => ({ kind: "exercise", id })),
  ]);
}

export function nextStep(course: Outline, done: CourseItem): NextStep {
  const order = courseOrder(course);
  const at = order.findIndex((item) => item.kind === done.kind && item.id === done.id);
  const next = at >= 0 ? order[at + 1] : undefined;
  if (!next) return { kind: "dashboard", id: null, href: "/dashboard" };
  return { ...next, href: href(next) };
}
