/**
 * The one place that decides which database file the app, the CLI scripts and
 * Prisma's migrate commands use. The embedded default is a SQLite file under
 * prisma/ so `npm install && npm start` needs no set-up.
 */
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Absolute file path of a `file:` SQLite URL, resolved against the working directory. */
export function sqliteFilePath(url = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for the embedded database (got "${url.split(":")[0]}:…")`);
  }
  const filePath = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath);
}
