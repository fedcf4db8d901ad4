import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl, sqliteFilePath } from "./lib/database-url";

// schema.prisma reads env("DATABASE_URL"); without a value the CLI cannot parse
// the schema and falls back to downloading engines, which fails offline.
process.env.DATABASE_URL = databaseUrl();

// Prisma 6.19 with the JavaScript schema engine: every CLI command runs
// offline through the better-sqlite3 driver adapter (DESIGN.md §7).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqliteFilePath() });
  },
});
