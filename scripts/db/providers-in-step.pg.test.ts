/**
 * Both providers' migrations are kept in step with the one Prisma schema:
 * prisma/postgresql/schema.prisma is exactly what scripts/db/postgresql-schema.ts
 * derives from prisma/schema.prisma, and on each provider the committed
 * migrations build the same tables, columns, indexes and foreign keys as the
 * schema itself. A model change that lacks its SQLite or its PostgreSQL
 * migration fails here (npm test runs it in the `postgresql` Vitest project).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";
import { POSTGRESQL_SCHEMA, expectedPostgresqlSchema } from "./postgresql-schema";
import { postgresCatalog, sqliteCatalog } from "./schema-catalog";

const prismaCli = path.resolve("node_modules/prisma/build/index.js");

function prisma(args: string[], databaseUrl: string): string {
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The SQL that builds the schema from nothing (no migration involved). */
function schemaScript(schema: string, databaseUrl: string): string {
  return prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], databaseUrl);
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("database providers in step", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (run `npm run db:schemas`)", () => {
    expect(readFileSync(POSTGRESQL_SCHEMA, "utf8")).toBe(expectedPostgresqlSchema());
  });

  it("SQLite: the migrations build what prisma/schema.prisma describes", () => {
    const migrated = createTestDatabase("in-step-sqlite");
    folders.push(migrated.dir);
    const url = `file:${path.join(migrated.dir, "migrated.db")}`;
    prisma(["migrate", "deploy"], url);
    const direct = path.join(migrated.dir, "direct.db");
    const sqlite = new Database(direct);
    sqlite.exec(schemaScript("prisma/schema.prisma", url));
    sqlite.close();
    expect(sqliteCatalog(url.slice("file:".length))).toEqual(sqliteCatalog(direct));
  }, 300_000);

  it("PostgreSQL: the migrations build what prisma/postgresql/schema.prisma describes", async () => {
    const port = inject("postgresPort");
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE in_step_migrated`);
    await admin.query(`CREATE DATABASE in_step_direct`);
    await admin.end();
    const migrated = `postgresql://postgres@127.0.0.1:${port}/in_step_migrated`;
    const direct = `postgresql://postgres@127.0.0.1:${port}/in_step_direct`;
    prisma(["migrate", "deploy"], migrated);
    const client = new pg.Client({ connectionString: direct });
    await client.connect();
    await client.query(schemaScript(POSTGRESQL_SCHEMA, direct));
    await client.end();
    const [a, b] = [await postgresCatalog(migrated), await postgresCatalog(direct)];
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  }, 300_000);
});
