/**
 * Brings the database to the committed schema: applies prisma/migrations (or
 * prisma/postgresql/migrations for a postgres:// DATABASE_URL) with Prisma's
 * offline JS engine, then switches an embedded SQLite file to WAL
 * (persistent in the file, so readers never block the grader's result writes).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../lib/database-url";

/**
 * The database holds password hashes and session tokens: owner-only (0600).
 * Created empty with that mode before Prisma opens it; SQLite gives its -wal
 * and -shm files the database file's permissions, and existing ones (from an
 * older start) are tightened here too.
 */
export function restrictDatabaseFiles(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}

export function prepareDatabase(): void {
  if (databaseProvider() === "postgresql") {
    // PostgreSQL: prisma.config.ts picks prisma/postgresql/ (schema and migrations) from the URL;
    // then the grading queue's schema (Graphile Worker) and the grader hosts' read function.
    migrateDeploy();
    runScript("scripts/db/prepare-queue.ts", "Preparing the grading queue");
    return;
  }
  const file = sqliteFilePath();
  mkdirSync(path.dirname(file), { recursive: true });
  restrictDatabaseFiles(file);
  migrateDeploy();
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
  restrictDatabaseFiles(file);
}

function migrateDeploy(): void {
  const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl(), CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`Database migration failed (prisma migrate deploy exited ${result.status}).`);
  }
}

function runScript(script: string, label: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.resolve(script)], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${label} failed (exit ${result.status}).`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase();
  console.log(`Database ready: ${databaseProvider() === "postgresql" ? "PostgreSQL" : sqliteFilePath()}`);
}
