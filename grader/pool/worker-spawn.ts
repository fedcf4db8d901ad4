/**
 * How a grading worker process is started: with the least it needs.
 *
 * - An allow-listed environment: no BETTER_AUTH_SECRET, DATABASE_URL or any
 *   other secret of the web server reaches a process that runs student code.
 * - A working directory outside the repository (the OS temp directory), so no
 *   relative path leads to the database or the auth secret.
 * - When the server runs as root, the worker runs as `nobody`: it can read the
 *   world-readable code it needs (node_modules, grader/, exercises/) but not
 *   the database file or prisma/.auth-secret, which are created 0600.
 *
 * If student code ever escaped the isolate, this is what it would find.
 */
import type { ForkOptions } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The only variables a worker gets from its parent's environment. */
export const WORKER_ENV_ALLOWLIST = ["PATH", "LANG", "LC_ALL", "TZ", "NODE_ENV", "TMPDIR"] as const;

const NOBODY_FALLBACK = 65534;

/** uid/gid of `nobody` from /etc/passwd (65534 when it cannot be read). */
export function unprivilegedUser(): { uid: number; gid: number } {
  try {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith("nobody:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    if (Number.isInteger(Number(uid)) && Number.isInteger(Number(gid)) && uid !== "" && gid !== "") return { uid: Number(uid), gid: Number(gid) };
  } catch {
    // fall through
  }
  return { uid: NOBODY_FALLBACK, gid: NOBODY_FALLBACK };
}

export function workerEnvironment(root: string, parent: Record<string, string | undefined> = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of WORKER_ENV_ALLOWLIST) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  // Not a file the build should trace: the worker reads the course at run time.
  env.EXERCISES_DIR = path.resolve(/*turbopackIgnore: true*/ parent.EXERCISES_DIR ?? path.join(root, "exercises"));
  return env;
}

export interface WorkerLaunch {
  file: string;
  args: string[];
  options: ForkOptions;
}

export function workerLaunch(root: string, { warmUp = true }: { warmUp?: boolean } = {}): WorkerLaunch {
  // tsx is loaded by absolute URL: the worker's cwd is outside the repository, where a bare "tsx" would not resolve.
  const loader = path.join(/*turbopackIgnore: true*/ root, "node_modules", "tsx", "dist", "loader.mjs");
  const options: ForkOptions = {
    cwd: os.tmpdir(),
    // A small young generation: per-grading test data otherwise grows it (and the worker RSS) by ~100 MB.
    execArgv: ["--import", existsSync(loader) ? pathToFileURL(loader).href : "tsx", "--no-node-snapshot", "--max-semi-space-size=4"],
    env: workerEnvironment(root) as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  };
  // GRADER_WORKER_USER=same keeps root (for a checkout that is not world-readable); say so in the deployment.
  if (process.getuid?.() === 0 && process.env.GRADER_WORKER_USER !== "same") Object.assign(options, unprivilegedUser());
  return { file: path.join(/*turbopackIgnore: true*/ root, "grader", "pool", "worker.ts"), args: warmUp ? [] : ["--no-warm-up"], options };
}
