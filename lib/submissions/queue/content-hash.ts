/**
 * The content a grading depends on, as one hash per exercise: a job carries the
 * hash the web replica saw, and a grader host only takes jobs whose hash it
 * has (task-identifier.ts), so a host with other content leaves the job for
 * one that has it.
 *
 * Today: sha256 over the exercise folder's files (relative path + bytes, in
 * path order). When the content manifest (lib/content, in progress) carries a
 * hash per exercise, point `exerciseContentHash` at it; everything else keys on
 * this one function.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

function exercisesDir(): string {
  return process.env.EXERCISES_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "exercises");
}

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(path.join(dir, e.name), rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

async function hashFolder(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const rel of await filesUnder(dir)) {
    hash.update(`${rel}\0`);
    hash.update(await readFile(path.join(dir, rel)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

// Content changes with a deployment (a new process), so one hash per exercise per process.
const cache = new Map<string, Promise<string>>();

export function exerciseContentHash(exerciseId: string): Promise<string> {
  let hash = cache.get(exerciseId);
  if (!hash) {
    hash = hashFolder(path.join(exercisesDir(), exerciseId));
    cache.set(exerciseId, hash);
  }
  return hash;
}
