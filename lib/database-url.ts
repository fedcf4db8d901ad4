/**
 * The one place that decides which database the app, the CLI scripts and
 * Prisma's migrate commands use. The embedded default is a SQLite file under
 * prisma/ so `npm install && npm start` needs no set-up; a `postgres://` (or
 * `postgresql://`) DATABASE_URL switches everything to PostgreSQL.
 */
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** Absolute file path of a `file:` SQLite URL, resolved against the working directory. */
export function sqliteFilePath(url = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgres://" URL (got "${url.split(":")[0]}:…")`);
  }
  const filePath = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath);
}

/** Where each provider's schema and migrations live (prisma/postgresql/ is derived from prisma/schema.prisma). */
export function prismaPaths(provider: DatabaseProvider): { schema: string; migrations: string } {
  return provider === "postgresql"
    ? { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}
