/**
 * An exercise's instructor preview, cached per content hash. Computing it
 * loads the exercise's TypeScript and grades the reference and every known
 * mistake — the checker's work — so it runs in a child process
 * (scripts/exercise-preview.ts), below the server's CPU priority, never in a
 * page render's own process. The result is kept next to the manifest
 * (`.content/preview/<id>-<hash>.json`, server-side only, holds hidden data):
 * a reload is a file read, and an edit under exercises/ (a new hash) is
 * recomputed on the next load. Concurrent loads of one version share a run.
 */
import "server-only";
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setWorkerNice } from "@/grader";
import { manifestPath } from "@/lib/content/manifest-path";
import { type ExercisePreview, ExercisePreviewSchema } from "./preview-schema";

const PREVIEW_NICE = 5;
const inFlight = ((globalThis as unknown as { batchnormPreviews?: Map<string, Promise<ExercisePreview>> }).batchnormPreviews ??= new Map());

export class PreviewError extends Error {}

function cacheDir(): string {
  return path.join(/*turbopackIgnore: true*/ path.dirname(manifestPath()), "preview");
}

const cacheFile = (id: string, hash: string) => path.join(/*turbopackIgnore: true*/ cacheDir(), `${id}-${hash}.json`);

async function readCached(id: string, hash: string): Promise<ExercisePreview | null> {
  try {
    const parsed = ExercisePreviewSchema.safeParse(JSON.parse(await readFile(cacheFile(id, hash), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function computeInChild(id: string): Promise<ExercisePreview> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "scripts", "exercise-preview.ts");
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", script, id],
      { cwd: process.cwd(), env: process.env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new PreviewError(`The preview could not be computed: ${stderr.trim() || error.message}`));
        try {
          resolve(ExercisePreviewSchema.parse(JSON.parse(stdout)));
        } catch (e) {
          reject(new PreviewError(`The preview's output is invalid: ${(e as Error).message}`));
        }
      },
    );
    // Students' gradings come first: the preview grades dozens of files.
    setWorkerNice(child.pid, PREVIEW_NICE);
  });
}

async function store(preview: ExercisePreview): Promise<void> {
  await mkdir(cacheDir(), { recursive: true });
  const file = cacheFile(preview.exerciseId, preview.contentHash);
  await writeFile(`${file}.tmp`, JSON.stringify(preview));
  await rename(`${file}.tmp`, file);
  // Older versions of this exercise are never shown again.
  for (const name of await readdir(cacheDir())) {
    if (name.startsWith(`${preview.exerciseId}-`) && name.endsWith(".json") && name !== path.basename(file)) {
      const rest = name.slice(preview.exerciseId.length + 1, -".json".length);
      if (/^[0-9a-f]+$/.test(rest)) await rm(path.join(/*turbopackIgnore: true*/ cacheDir(), name), { force: true });
    }
  }
}

/**
 * The preview of exercise `id` as of `contentHash` (the manifest's). The
 * returned preview's own contentHash says which files it graded: it differs
 * only when the folder changed after the manifest was built.
 */
export function exercisePreview(id: string, contentHash: string): Promise<ExercisePreview> {
  const key = `${id}@${contentHash}`;
  const running = inFlight.get(key);
  if (running) return running;
  const work = (async () => {
    const cached = await readCached(id, contentHash);
    if (cached) return cached;
    const fresh = await computeInChild(id);
    await store(fresh);
    return fresh;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}
