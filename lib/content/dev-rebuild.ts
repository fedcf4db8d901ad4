/**
 * Development only (`next dev`): an edit under the content root shows on the
 * next reload. At most once a second, the content files are hashed (contents,
 * not mtimes) and compared with the manifest's sourceHash; on a difference
 * `npm run content:build` runs in a child process — the trusted build loads
 * exercise TypeScript there, never in the web server — and the manifest
 * reader picks up the new file. A failed build keeps the old manifest and
 * prints the problems in the dev server's terminal.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { hashFolder } from "@/grader/content/content-hash";
import { manifestPath } from "./manifest-path";
import { contentRoot } from "./paths";

const run = promisify(execFile);
const CHECK_EVERY_MS = 1_000;
const state = globalThis as unknown as { batchnormDevRebuild?: { checkedAt: number; pending: Promise<void> | null } };

async function builtSourceHash(): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(manifestPath(), "utf8")) as { sourceHash?: string }).sourceHash ?? null;
  } catch {
    return null;
  }
}

async function rebuild(): Promise<void> {
  const current = hashFolder(contentRoot(), (rel) => !rel.endsWith(".test.ts"));
  if (current === (await builtSourceHash())) return;
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "scripts", "content-build.ts");
  try {
    await run(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), env: process.env });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    console.error(`content:build failed; serving the previous manifest.\n${stderr ?? String(error)}`);
  }
}

export function rebuildIfContentChanged(): Promise<void> {
  const s = (state.batchnormDevRebuild ??= { checkedAt: 0, pending: null });
  if (s.pending) return s.pending;
  if (Date.now() - s.checkedAt < CHECK_EVERY_MS) return Promise.resolve();
  s.checkedAt = Date.now();
  s.pending = rebuild().finally(() => {
    s.pending = null;
  });
  return s.pending;
}
