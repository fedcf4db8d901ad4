/**
 * The one content root: `EXERCISES_DIR` or `<cwd>/exercises`, resolved per
 * call so tests (and the regrade end-to-end spec) can point at a copy.
 * lib/content/paths.ts re-exports it, so the web app, the manifest build and
 * the grading workers always read the same folder.
 */
import path from "node:path";

export function exercisesRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.EXERCISES_DIR ?? path.join(process.cwd(), "exercises"));
}
