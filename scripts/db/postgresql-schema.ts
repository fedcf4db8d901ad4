/**
 * The PostgreSQL schema is derived from prisma/schema.prisma (the one place
 * models are edited): same models, another datasource provider and another
 * generated client. Prisma 6.19 has one provider per schema, and the client it
 * generates embeds that provider's query compiler, so a deployment on
 * PostgreSQL needs its own schema file and client.
 *
 * `npm run db:schemas` rewrites prisma/postgresql/schema.prisma; the providers
 * check (scripts/db/check-providers.ts, part of npm test) fails when it is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRESQL_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/db/postgresql-schema.ts (npm run db:schemas).
// Edit the models there; this file only switches the provider and the client's output folder.

`;

export function postgresqlSchemaFrom(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/output(\s*)= "\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-postgresql"')
    .replace(/provider(\s*)= "sqlite"/, 'provider$1= "postgresql"');
  if (!replaced.includes('"postgresql"') || !replaced.includes("prisma-postgresql")) {
    throw new Error(`${SQLITE_SCHEMA}: expected provider = "sqlite" and output = "../lib/generated/prisma"`);
  }
  return HEADER + replaced;
}

export function expectedPostgresqlSchema(root = process.cwd()): string {
  return postgresqlSchemaFrom(readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(POSTGRESQL_SCHEMA, expectedPostgresqlSchema());
  console.log(`Wrote ${POSTGRESQL_SCHEMA}`);
}
