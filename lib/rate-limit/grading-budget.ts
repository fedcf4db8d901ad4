/**
 * CPU-time budgets for grading, per user and per client address: the
 * milliseconds a user's (or an address's) gradings took in the last window.
 * An honest grading takes 10–50 ms, so the defaults (20 s per user and 60 s
 * per address per 60 s; an address may be a classroom behind one NAT) are
 * far above honest use, while an account flooding 1 s busy loops runs out
 * after ~20 of them. Checked before a submission is stored (429 +
 * Retry-After, nothing stored), charged after each grading by fair-queue.ts.
 * GRADING_BUDGET_USER_MS / GRADING_BUDGET_ADDRESS_MS / GRADING_BUDGET_SECONDS.
 */
import { createLimiter, type Limiter } from "./limiter-store";
import type { RateLimitResult } from "./submission-limiter";
import { positiveInt } from "@/lib/config/positive-int";

export interface BudgetSettings {
  userMs: number;
  addressMs: number;
  windowSeconds: number;
}

export function createGradingBudget(settings: BudgetSettings) {
  const users = createLimiter({ keyPrefix: "budget-user", points: settings.userMs, duration: settings.windowSeconds });
  const addresses = createLimiter({ keyPrefix: "budget-address", points: settings.addressMs, duration: settings.windowSeconds });

  async function waitFor(limiter: Limiter, key: string, points: number): Promise<number> {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  }

  const addressWait = async (address: string | undefined) =>
    address && address !== "unknown" ? waitFor(addresses, address, settings.addressMs) : 0;

  return {
    async check(userId: string, address?: string): Promise<RateLimitResult> {
      const wait = Math.max(await waitFor(users, userId, settings.userMs), await addressWait(address));
      return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
    },
    /** The address's part alone: needs no user, so the route checks it before looking up the session (address-limits.ts). */
    async checkAddress(address: string): Promise<RateLimitResult> {
      const wait = await addressWait(address);
      return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
    },

    /** Records a grading's time; going over the budget is allowed here (it was already admitted). */
    async charge(userId: string, address: string | undefined, ms: number): Promise<void> {
      const points = Math.max(1, Math.round(ms));
      await users.penalty(userId, points);
      if (address && address !== "unknown") await addresses.penalty(address, points);
    },
  };
}

export type GradingBudget = ReturnType<typeof createGradingBudget>;

const globalForBudget = globalThis as unknown as { batchnormGradingBudget?: GradingBudget };

export function gradingBudget(): GradingBudget {
  globalForBudget.batchnormGradingBudget ??= createGradingBudget({
    userMs: positiveInt(process.env.GRADING_BUDGET_USER_MS, 20_000),
    addressMs: positiveInt(process.env.GRADING_BUDGET_ADDRESS_MS, 60_000),
    windowSeconds: positiveInt(process.env.GRADING_BUDGET_SECONDS, 60),
  });
  return globalForBudget.batchnormGradingBudget;
}
