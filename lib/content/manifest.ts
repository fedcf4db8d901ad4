/**
 * The web app's only view of the course content: the manifest that
 * `npm run content:build` wrote (lib/content/build/). Re-read when the file
 * changes (a rebuild while the server runs shows on the next request); in
 * development (`next dev`) rebuilt first when the content files no longer
 * match it (dev-rebuild.ts). No page render loads exercise TypeScript or asks
 * a grading worker.
 */
import { readFile, stat } from "node:fs/promises";
import { ContentError } from "./course";
import { rebuildIfContentChanged } from "./dev-rebuild";
import { manifestPath } from "./manifest-path";
import { type Manifest, type ManifestExercise, type ManifestLesson, type ManifestQuiz, ManifestSchema } from "./manifest-schema";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

export type { Manifest, ManifestExercise, ManifestLesson, ManifestQuiz };

const processWide = globalThis as unknown as { batchnormManifest?: { file: string; mtimeMs: number; size: number; manifest: Manifest } };

export async function getManifest(): Promise<Manifest> {
  if (process.env.NODE_ENV === "development") await rebuildIfContentChanged();
  const file = manifestPath();
  const info = await stat(file).catch(() => null);
  if (!info) throw new ContentError([`${file}: no content manifest; run \`npm run content:build\``]);
  const cached = processWide.batchnormManifest;
  if (cached && cached.file === file && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.manifest;
  const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new ContentError([`${file}: not a manifest of this version; run \`npm run content:build\``]);
  processWide.batchnormManifest = { file, mtimeMs: info.mtimeMs, size: info.size, manifest: parsed.data };
  return parsed.data;
}

/** An exercise by id (undefined for an unknown or malformed id). */
export async function findExercise(id: string): Promise<ManifestExercise | undefined> {
  if (!KEBAB_ID.test(id)) return undefined;
  const manifest = await getManifest();
  return Object.hasOwn(manifest.exercises, id) ? manifest.exercises[id] : undefined;
}

/** Every exercise in course order (module by module). */
export async function listExercises(): Promise<ManifestExercise[]> {
  const manifest = await getManifest();
  return manifest.course.modules.flatMap((m) => m.exercises.map((id) => manifest.exercises[id]));
}

export async function findLesson(id: string): Promise<ManifestLesson | undefined> {
  const manifest = await getManifest();
  return KEBAB_ID.test(id) && Object.hasOwn(manifest.lessons, id) ? manifest.lessons[id] : undefined;
}

export async function findQuiz(id: string): Promise<ManifestQuiz | undefined> {
  const manifest = await getManifest();
  return KEBAB_ID.test(id) && Object.hasOwn(manifest.quizzes, id) ? manifest.quizzes[id] : undefined;
}

/** The course outline: modules in order with their lesson, quiz and exercises. */
export async function courseOutline(): Promise<Manifest["course"]> {
  return (await getManifest()).course;
}
