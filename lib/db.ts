import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { ResilientPool } from "@/lib/database/resilient-pool";
import { databaseProvider, databaseUrl, sqliteFilePath } from "@/lib/database-url";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { positiveInt } from "@/lib/config/positive-int";

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const pool = new ResilientPool({ connectionString: url, max: positiveInt(process.env.DATABASE_POOL_SIZE, 10) });
    // idle connections cut by a server restart: the pool drops them; the next query opens new ones
    pool.on("error", () => {});
    const adapter = new PrismaPg(pool);
    // Both clients are generated from the same models (prisma/postgresql/schema.prisma is derived from
    // prisma/schema.prisma and checked by scripts/db/providers-in-step.db.test.ts): the API is the same,
    // only the embedded query compiler differs, so the app keeps one PrismaClient type.
    return new PostgresqlPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process: Next.js dev reloads modules, which would otherwise
// open a new connection (pool) on every edit.
const globalForDb = globalThis as unknown as { batchnormDb?: PrismaClient };

export const db: PrismaClient = globalForDb.batchnormDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.batchnormDb = db;
