/**
 * Titles students read instead of ids: a lesson's first heading, a quiz's
 * title, an exercise's title, all from the content manifest (lib/content), so
 * no exercise, lesson or quiz file is read and no grading worker is involved.
 * The manifest is already cached per build, so a rebuild shows new titles.
 */
import { getManifest, type Manifest } from "@/lib/content/manifest";
import { type CourseItem, courseOrder, type TitleOf } from "./next-step";

function titleIn(manifest: Manifest, item: CourseItem): string {
  const table = item.kind === "exercise" ? manifest.exercises : item.kind === "quiz" ? manifest.quizzes : manifest.lessons;
  return Object.hasOwn(table, item.id) ? table[item.id].title : item.id;
}

export async function itemTitle(item: CourseItem): Promise<string> {
  return titleIn(await getManifest(), item);
}

/** Every lesson, quiz and exercise title of the course, looked up at once. */
export async function courseTitles(): Promise<TitleOf> {
  const manifest = await getManifest();
  const byKey = new Map(courseOrder(manifest.course).map((item) => [`${item.kind}:${item.id}`, titleIn(manifest, item)]));
  return (item) => byKey.get(`${item.kind}:${item.id}`) ?? item.id;
}
