import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteFilePath } from "@/lib/database-url";

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process: Next.js dev reloads modules, which would otherwise
// open a new SQLite connection on every edit.
const globalForDb = globalThis as unknown as { batchnormDb?: PrismaClient };

export const db: PrismaClient = globalForDb.batchnormDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.batchnormDb = db;
