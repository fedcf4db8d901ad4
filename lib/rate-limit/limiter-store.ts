/**
 * Where rate limits and budgets keep their counters: in memory on the embedded
 * default (one server process), in PostgreSQL when DATABASE_URL is postgres://
 * so every web replica counts against the same limits (rate-limiter-flexible's
 * PostgreSQL store; its table is created by scripts/db/prepare-queue.ts).
 */
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import { ResilientPool } from "@/lib/database/resilient-pool";
import { databaseProvider, databaseUrl } from "@/lib/database-url";

export const RATE_LIMIT_TABLE = "batchnorm_rate_limits";

export type Limiter = RateLimiterMemory | RateLimiterPostgres;

const processWide = globalThis as unknown as { batchnormLimiterPool?: pg.Pool };

function limiterPool(): pg.Pool {
  if (!processWide.batchnormLimiterPool) {
    processWide.batchnormLimiterPool = new ResilientPool({ connectionString: databaseUrl(), max: 4 });
    processWide.batchnormLimiterPool.on("error", () => {});
  }
  return processWide.batchnormLimiterPool;
}

export function createLimiter(options: { keyPrefix: string; points: number; duration: number; blockDuration?: number }): Limiter {
  if (databaseProvider() !== "postgresql") return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: limiterPool(),
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
  });
}
