/**
 * `npm run db:migration -- <name>` after editing prisma/schema.prisma: derives
 * prisma/postgresql/schema.prisma, then writes one migration per provider with
 * the same folder name, each the diff from the last committed schema (git
 * HEAD) to the edited one. The PostgreSQL diff runs against a throw-away
 * server (Prisma's JS engine needs a connection even to diff two files).
 * The providers-in-step check then proves both folders build the schema.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPostgresServer } from "../../lib/database/testing/postgres-server";
import { freePort } from "../free-port";
import { expectedPostgresqlSchema, POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from "./postgresql-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}
writeFileSync(POSTGRESQL_SCHEMA, expectedPostgresqlSchema());
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const scratch = mkdtempSync(path.join(tmpdir(), "migration-"));

function diff(schema: string, databaseUrl: string): string {
  const previous = path.join(scratch, path.basename(path.dirname(schema)) + ".prisma");
  writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`], { encoding: "utf8" }));
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", schema, "--script"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stdout + result.stderr);
  return result.stdout;
}

function write(dir: string, sql: string): void {
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  console.log(`Wrote ${path.join(dir, folder, "migration.sql")}`);
}

write("prisma/migrations", diff(SQLITE_SCHEMA, `file:${path.join(scratch, "scratch.db")}`));
const server = startPostgresServer(await freePort());
try {
  write("prisma/postgresql/migrations", diff(POSTGRESQL_SCHEMA, server.url("postgres")));
} finally {
  server.destroy();
}
console.log("Now: npm run db:schemas (regenerates both clients), npm run db:migrate.");
