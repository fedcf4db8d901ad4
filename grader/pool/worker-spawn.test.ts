/**
 * Defence in depth: a grading worker holds the least it needs. Proven on a
 * real pool worker (its /proc entries) and with a probe process started
 * exactly like a worker, which tries to read a 0600 database file and the
 * auth secret.
 */
import { fork } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "../../lib/auth/secret";
import { GraderPool } from "./pool";
import { unprivilegedUser, workerEnvironment, workerLaunch } from "./worker-spawn";

const root = process.cwd();
const isRoot = process.getuid?.() === 0;
const secrets = { BETTER_AUTH_SECRET: "s3cret-value-for-the-test", DATABASE_URL: "file:./prisma/dev.db" };

describe("workerEnvironment", () => {
  it("passes only allow-listed variables and the exercises folder", () => {
    const env = workerEnvironment("/repo", { PATH: "/usr/bin", LANG: "C.UTF-8", NODE_OPTIONS: "--inspect", ...secrets, HOME: "/root" });
    expect(env).toEqual({ PATH: "/usr/bin", LANG: "C.UTF-8", EXERCISES_DIR: "/repo/exercises" });
  });
});

describe("workerLaunch", () => {
  it("starts outside the repository, and as nobody when the server is root", () => {
    const { options } = workerLaunch(root);
    expect(path.relative(root, String(options.cwd)).startsWith("..")).toBe(true);
    if (isRoot) expect({ uid: options.uid, gid: options.gid }).toEqual(unprivilegedUser());
    else expect(options.uid).toBeUndefined();
  });
});

/** Children of this process whose command line runs grader/pool/worker.ts. */
function workerPids(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const ppid = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("grader/pool/worker.ts");
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("a real pool worker", () => {
  const pool = new GraderPool({ size: 1, spares: 0, maxWorkers: 1, maxQueue: 2, root, warmUp: false });
  afterAll(() => pool.shutdown());

  it("has no secrets in its environment, a cwd outside the repository, and (as root) nobody's uid", async () => {
    Object.assign(process.env, secrets);
    try {
      const report = await pool.grade({ exerciseId: "batchnorm-forward", code: readFileSync("exercises/batchnorm-forward/reference.ts", "utf8"), language: "typescript", mode: "run" });
      expect(report.status).toBe("passed");
    } finally {
      delete process.env.BETTER_AUTH_SECRET;
      delete process.env.DATABASE_URL;
    }
    const [pid] = workerPids();
    expect(pid).toBeGreaterThan(0);
    const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    expect(environ.some((v) => v.startsWith("BETTER_AUTH_SECRET=") || v.startsWith("DATABASE_URL="))).toBe(false);
    expect(path.relative(root, readlinkSync(`/proc/${pid}/cwd`)).startsWith("..")).toBe(true);
    if (isRoot) {
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      expect(Number(uid)).toBe(unprivilegedUser().uid);
    }
  });
});

describe.skipIf(!isRoot)("files a worker must not read (server started as root)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grader-secrets-"));
  chmodSync(dir, 0o755); // like the repository: the directory itself is world-readable
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("cannot read the 0600 database file or the auth secret created by resolveAuthSecret", async () => {
    mkdirSync(path.join(dir, "prisma"), { mode: 0o755 });
    const db = path.join(dir, "prisma", "dev.db");
    writeFileSync(db, "SQLite format 3\0", { mode: 0o600 });
    const secretFile = path.join(dir, "prisma", ".auth-secret");
    writeFileSync(secretFile, "an old secret written world-readable\n", { mode: 0o644 });
    process.env.AUTH_SECRET_FILE = secretFile;
    try {
      resolveAuthSecret(); // tightens an existing file to 0600
    } finally {
      delete process.env.AUTH_SECRET_FILE;
    }
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);

    const probe = path.join(dir, "probe.cjs");
    writeFileSync(
      probe,
      `const fs = require("node:fs");
       const tryRead = (f) => { try { fs.readFileSync(f); return "read"; } catch (e) { return e.code; } };
       process.send({ db: tryRead(${JSON.stringify(db)}), secret: tryRead(${JSON.stringify(secretFile)}), uid: process.getuid(), env: Object.keys(process.env) });`,
      { mode: 0o644 },
    );
    const { options } = workerLaunch(root);
    const child = fork(probe, [], { ...options, execArgv: [] });
    const answer = await new Promise<{ db: string; secret: string; uid: number; env: string[] }>((resolve, reject) => {
      child.once("message", (m) => resolve(m as never));
      child.once("error", reject);
    });
    child.kill();
    expect(answer).toMatchObject({ db: "EACCES", secret: "EACCES", uid: unprivilegedUser().uid });
    expect(answer.env).not.toContain("BETTER_AUTH_SECRET");
    expect(answer.env).not.toContain("DATABASE_URL");
  });
});
