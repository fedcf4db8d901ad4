import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { postgresMigratePool } from "./lib/database/postgres-migrate-pool";
import { databaseProvider, databaseUrl, prismaPaths, sqliteFilePath } from "./lib/database-url";

// schema.prisma reads env("DATABASE_URL"); without a value the CLI cannot parse
// the schema and falls back to downloading engines, which fails offline.
process.env.DATABASE_URL = databaseUrl();

// PRISMA_PROVIDER=postgresql selects the PostgreSQL schema without a server
// (`prisma generate`, `migrate diff`); otherwise DATABASE_URL decides.
const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : databaseProvider();
if (provider === "postgresql" && databaseProvider() !== "postgresql") {
  process.env.DATABASE_URL = "postgresql://localhost/unused";
}
const paths = prismaPaths(provider);

// Prisma 6.19 with the JavaScript schema engine: every CLI command runs
// offline through a driver adapter (DESIGN.md §7): better-sqlite3 for the
// embedded default, node-postgres for PostgreSQL.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: paths.schema,
  migrations: { path: paths.migrations },
  async adapter() {
    if (provider === "postgresql") return new PrismaPg(postgresMigratePool(databaseUrl()));
    return new PrismaBetterSQLite3({ url: sqliteFilePath() });
  },
});
