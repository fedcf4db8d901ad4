/**
 * Per-user limit on autosave writes (PUT /api/exercises/<id>/draft). The
 * editor saves at most once per pause in typing, so 60 per minute is far
 * above honest use while 600 × 64 KB floods are cut off (429 + Retry-After;
 * the browser keeps its local copy and saves again on the next edit).
 * AUTOSAVE_RATE_LIMIT_POINTS per AUTOSAVE_RATE_LIMIT_SECONDS.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter } from "./limiter-store";
import type { RateLimitResult } from "./submission-limiter";
import { positiveInt } from "@/lib/config/positive-int";

export function createAutosaveLimiter(points: number, durationSeconds: number) {
  const limiter = createLimiter({ points, duration: durationSeconds, keyPrefix: "autosave" });
  return {
    async consume(userId: string): Promise<RateLimitResult> {
      try {
        await limiter.consume(userId, 1);
        return { ok: true };
      } catch (e) {
        if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
        throw e;
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as { batchnormAutosaveLimiter?: ReturnType<typeof createAutosaveLimiter> };

export function autosaveLimiter(): ReturnType<typeof createAutosaveLimiter> {
  globalForLimiter.batchnormAutosaveLimiter ??= createAutosaveLimiter(
    positiveInt(process.env.AUTOSAVE_RATE_LIMIT_POINTS, 60),
    positiveInt(process.env.AUTOSAVE_RATE_LIMIT_SECONDS, 60),
  );
  return globalForLimiter.batchnormAutosaveLimiter;
}
