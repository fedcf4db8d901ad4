/**
 * `npm run content:build`: validates every exercise, lesson and quiz under the
 * content root (EXERCISES_DIR or exercises/) and writes the public manifest
 * (lib/content/manifest-path.ts). Prints every problem and exits 1 without
 * touching the old manifest when there is any. Run by npm start, npm run
 * build, npm test and exercises:check; the dev server runs it on a change.
 */
import path from "node:path";
import { buildManifest } from "@/lib/content/build/build-manifest";
import { writeManifest } from "@/lib/content/build/write-manifest";
import { contentRoot } from "@/lib/content/paths";

const started = performance.now();
const { manifest, problems } = await buildManifest();
if (!manifest) {
  for (const p of problems) console.error(`error: ${p}`);
  console.error(`content:build: ${problems.length} problem(s) in ${contentRoot()}; the manifest was not written`);
  process.exit(1);
}
const file = writeManifest(manifest);
const ms = (performance.now() - started).toFixed(0);
console.log(
  `content:build: ${Object.keys(manifest.exercises).length} exercises, ${Object.keys(manifest.lessons).length} lessons, ${Object.keys(manifest.quizzes).length} quizzes → ${path.relative(process.cwd(), file) || file} (${ms} ms)`,
);
process.exit(0);
