/**
 * Brings the database to the committed schema: applies prisma/migrations with
 * Prisma's offline JS engine, then switches the embedded SQLite file to WAL
 * (persistent in the file, so readers never block the grader's result writes).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "../lib/database-url";

export function prepareDatabase(): void {
  const file = sqliteFilePath();
  mkdirSync(path.dirname(file), { recursive: true });
  const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl(), CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`Database migration failed (prisma migrate deploy exited ${result.status}).`);
  }
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase();
  console.log(`Database ready: ${sqliteFilePath()}`);
}
