/**
 * The content a grading depends on, as one hash per exercise: the content
 * manifest's (`npm run content:build`, lib/content/manifest.ts), which is
 * grader/content/content-hash.ts over the exercise folder — the same hash a grading
 * worker stamps on its report. A job carries the hash the web replica's
 * manifest names; a grader host registers one task per exercise under the
 * hash of the content it has (grader-host.ts), so a host with other content
 * leaves the job for one that has it.
 */
import { exerciseContentHash as folderHash } from "@/grader/content/content-hash";
import { exercisesRoot } from "@/grader/content/content-root";
import { findExercise, listExercises } from "@/lib/content/manifest";
import path from "node:path";

/** The manifest's hash of an exercise (null for an exercise the manifest does not know: any host takes it). */
export async function exerciseContentHash(exerciseId: string): Promise<string | null> {
  return (await findExercise(exerciseId))?.contentHash ?? null;
}

/**
 * What a grader host can grade: every exercise of its manifest whose folder on
 * this host still hashes to the manifest's hash. An exercise edited after the
 * last content build is left out (with a warning) rather than graded against
 * content that no job names.
 */
export async function contentOfThisHost(root = exercisesRoot()): Promise<Record<string, string>> {
  const content: Record<string, string> = {};
  for (const exercise of await listExercises()) {
    const onDisk = folderHash(path.join(root, exercise.id));
    if (onDisk === exercise.contentHash) content[exercise.id] = exercise.contentHash;
    else console.error(`[grader host] ${exercise.id}: folder differs from the content manifest; run \`npm run content:build\`. Not serving it.`);
  }
  return content;
}
