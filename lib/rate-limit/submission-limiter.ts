/**
 * Per-user limit on graded requests (Run and Submit share it), kept in memory
 * on the embedded default (one server process) and in PostgreSQL for web
 * replicas (limiter-store.ts). Configured by SUBMISSION_RATE_LIMIT_POINTS per
 * SUBMISSION_RATE_LIMIT_SECONDS (default 30 per 60 s).
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter } from "./limiter-store";
import { positiveInt } from "@/lib/config/positive-int";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createSubmissionLimiter(points: number, durationSeconds: number) {
  const limiter = createLimiter({ points, duration: durationSeconds, keyPrefix: "submissions" });
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

// One limiter per process, shared by the route handler and server components
// even when Next.js loads this module in several bundles.
const globalForLimiter = globalThis as unknown as { batchnormSubmissionLimiter?: ReturnType<typeof createSubmissionLimiter> };

export function submissionLimiter(): ReturnType<typeof createSubmissionLimiter> {
  globalForLimiter.batchnormSubmissionLimiter ??= createSubmissionLimiter(
    positiveInt(process.env.SUBMISSION_RATE_LIMIT_POINTS, 30),
    positiveInt(process.env.SUBMISSION_RATE_LIMIT_SECONDS, 60),
  );
  return globalForLimiter.batchnormSubmissionLimiter;
}
