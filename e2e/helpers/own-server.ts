/**
 * A production server of its own for a spec that changes content: a copy of
 * exercises/ (EXERCISES_DIR), its own manifest, database and port, started
 * through scripts/start.ts on the existing build (SKIP_BUILD), so editing the
 * copy never disturbs the shared server the other specs use.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyContent } from "../../lib/content/testing/content-copy";
import { freePort } from "../../scripts/free-port";

export interface OwnServer {
  baseURL: string;
  /** the content root of this server (a copy of exercises/) */
  root: string;
  env: NodeJS.ProcessEnv;
  /** npm run content:build against this server's content */
  rebuildContent(): void;
  stop(): Promise<void>;
}

export async function startOwnServer(): Promise<OwnServer> {
  const root = copyContent();
  const data = mkdtempSync(path.join(tmpdir(), "own-server-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    EXERCISES_DIR: root,
    CONTENT_MANIFEST: path.join(data, "manifest.json"),
    DATABASE_URL: `file:${path.join(data, "test.db")}`,
    SKIP_BUILD: "1",
    SEED_DEMO_DATA: "true",
    AUTH_RATE_LIMIT_MAX: "5000",
    AUTH_SIGN_IN_LIMIT: "2000",
    AUTH_SIGN_UP_LIMIT: "2000",
    SUBMISSION_RATE_LIMIT_POINTS: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.BETTER_AUTH_URL;
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: false });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    const ok = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseURL,
    root,
    env,
    rebuildContent() {
      const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-build.ts"], { env, encoding: "utf8" });
      if (build.status !== 0) throw new Error(`content:build failed:\n${build.stdout}${build.stderr}`);
    },
    async stop() {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      rmSync(path.dirname(root), { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    },
  };
}
