/**
 * The databases scripts/measure-dashboard.ts measures, each as the
 * DATABASE_URL its `next start` gets and a column label naming the database
 * and the class size: SQLite files and postgresql:// URLs from --db, and with
 * --temp-postgres one throw-away PostgreSQL server (the tests' own,
 * lib/database/testing/postgres-server.ts) with a database per requested
 * class size, filled by scripts/seed-load.ts. The server is destroyed by
 * `cleanup()`.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type PostgresServer, startPostgresServer } from "@/lib/database/testing/postgres-server";
import { isPostgresUrl } from "@/lib/database-url";
import { freePort } from "../free-port";

export interface DashboardTarget {
  label: string;
  databaseUrl: string;
}

const students = (n: number) => `${n.toLocaleString("en-US")} students`;

async function postgresStudents(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "user" WHERE "role" = 'student'`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

function sqliteStudents(file: string): number {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "user" WHERE "role" = 'student'`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** `--db a.db,postgresql://…` and `--temp-postgres 5000,50000` (class sizes to seed on a throw-away server). */
export async function dashboardTargets(db: string | undefined, tempPostgres: string | undefined): Promise<{ targets: DashboardTarget[]; cleanup(): void }> {
  const targets: DashboardTarget[] = [];
  for (const entry of db ? db.split(",") : []) {
    if (isPostgresUrl(entry)) {
      targets.push({ label: `PostgreSQL, ${students(await postgresStudents(entry))}`, databaseUrl: entry });
      continue;
    }
    const file = path.resolve(entry);
    if (!existsSync(file)) throw new Error(`${file} does not exist: run npx tsx scripts/seed-load.ts first`);
    targets.push({ label: `SQLite, ${students(sqliteStudents(file))}`, databaseUrl: `file:${file}` });
  }
  let server: PostgresServer | null = null;
  const cleanup = () => server?.destroy();
  try {
    for (const size of tempPostgres ? tempPostgres.split(",").map(Number) : []) {
      if (!Number.isInteger(size) || size < 1) throw new Error(`--temp-postgres takes class sizes, e.g. 5000,50000 (got ${tempPostgres})`);
      server ??= startPostgresServer(await freePort());
      const url = server.createDatabase(`class_${size}`);
      console.log(`seeding ${students(size)} into a throw-away PostgreSQL server (${url})`);
      execFileSync(process.execPath, ["--import", "tsx", path.resolve("scripts/seed-load.ts"), "--students", String(size), "--database-url", url], {
        stdio: "inherit",
      });
      targets.push({ label: `PostgreSQL, ${students(await postgresStudents(url))}`, databaseUrl: url });
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { targets, cleanup };
}
