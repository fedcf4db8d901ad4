/**
 * A fresh database for one test file, on the provider the Vitest project runs
 * (vitest.config.ts): a SQLite file in a temporary folder, or a new database
 * on the run's PostgreSQL server (postgres-global-setup.ts). Call it at the top
 * of the file, before anything imports lib/db (which opens the database named
 * in DATABASE_URL when it is first imported). Test-only.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { postgresBinDir } from "./postgres-server";

export interface TestDatabase {
  url: string;
  provider: "sqlite" | "postgresql";
  /** Temporary folder of this test file (the SQLite file lives here); removed by cleanup(). */
  dir: string;
  cleanup(): void;
}

let created = 0;

export function createTestDatabase(label: string): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (process.env.TEST_DATABASE_PROVIDER === "postgresql") {
    const port = inject("postgresPort");
    const name = `${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${++created}_${Date.now() % 1e6}`;
    const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    // psql is synchronous: DATABASE_URL must be set before the test file's imports run
    execFileSync(path.join(postgresBinDir(), "psql"), ["-X", "-q", admin, "-c", `CREATE DATABASE "${name}"`], { stdio: "pipe" });
    const url = `postgresql://postgres@127.0.0.1:${port}/${name}`;
    process.env.DATABASE_URL = url;
    return { url, provider: "postgresql", dir, cleanup };
  }
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  return { url, provider: "sqlite", dir, cleanup };
}
