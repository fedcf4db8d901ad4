/**
 * Per-account limits on wrong passwords, on top of better-auth's per-address
 * limit (which a botnet spreads thin). Two buckets:
 *
 * - account + address: the first FREE failures cost nothing, then each one
 *   doubles the wait (5 s, 10 s, 20 s, … capped at MAX_BLOCK). A success clears it.
 *   An attacker on one address gets ~100 guesses a day; the victim, on their
 *   own address, is not affected.
 * - account (all addresses): ACCOUNT_FAILURES per window, then the account is
 *   closed for ACCOUNT_BLOCK to addresses it has never been signed in from.
 *   Addresses with an earlier successful sign-in stay open, so flooding an
 *   account from many addresses cannot lock its owner out; a new address
 *   waits at most ACCOUNT_BLOCK.
 *
 * In memory, like the other limits: one server process per database.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter, type Limiter } from "@/lib/rate-limit/limiter-store";
import { positiveInt } from "@/lib/config/positive-int";

export interface ThrottleSettings {
  freeFailures: number;
  maxBlockSeconds: number;
  accountFailures: number;
  accountWindowSeconds: number;
  accountBlockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailures: 5,
  maxBlockSeconds: 15 * 60,
  accountFailures: 50,
  accountWindowSeconds: 15 * 60,
  accountBlockSeconds: 15 * 60,
};

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

const KNOWN_ADDRESS_LIMIT = 20_000;

export function createSignInThrottle(settings: ThrottleSettings = DEFAULT_THROTTLE) {
  // Failures per account+address are remembered for a day after the first.
  const pairFailures = createLimiter({ keyPrefix: "signin-pair", points: 1_000_000, duration: 24 * 3600 });
  const pairBlocks = createLimiter({ keyPrefix: "signin-pair-block", points: 1, duration: 1 });
  const accountFailures = createLimiter({
    keyPrefix: "signin-account",
    points: settings.accountFailures,
    duration: settings.accountWindowSeconds,
    blockDuration: settings.accountBlockSeconds,
  });
  // account → addresses that signed in successfully (insertion-ordered, oldest dropped first).
  const knownAddresses = new Map<string, true>();
  const pair = (account: string, address: string) => `${account}|${address}`;
  const normalize = (account: string) => account.trim().toLowerCase();

  async function blockedFor(limiter: Limiter, key: string, points: number): Promise<number> {
    const res = await limiter.get(key);
    return res && res.consumedPoints > points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  }

  return {
    async check(rawAccount: string, address: string): Promise<ThrottleDecision> {
      const account = normalize(rawAccount);
      const pairWait = await blockedFor(pairBlocks, pair(account, address), 1);
      const accountWait = knownAddresses.has(pair(account, address)) ? 0 : await blockedFor(accountFailures, account, settings.accountFailures);
      const wait = Math.max(pairWait, accountWait);
      return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
    },

    async recordFailure(rawAccount: string, address: string): Promise<void> {
      const account = normalize(rawAccount);
      const key = pair(account, address);
      const { consumedPoints } = await pairFailures.consume(key, 1);
      const over = consumedPoints - settings.freeFailures;
      if (over > 0) await pairBlocks.block(key, Math.min(settings.maxBlockSeconds, 5 * 2 ** (over - 1)));
      try {
        await accountFailures.consume(account, 1);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
      }
    },

    async recordSuccess(rawAccount: string, address: string): Promise<void> {
      const key = pair(normalize(rawAccount), address);
      await pairFailures.delete(key);
      await pairBlocks.delete(key);
      knownAddresses.delete(key);
      knownAddresses.set(key, true);
      if (knownAddresses.size > KNOWN_ADDRESS_LIMIT) knownAddresses.delete(knownAddresses.keys().next().value as string);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

const globalForThrottle = globalThis as unknown as { batchnormSignInThrottle?: SignInThrottle };

/** One per process (AUTH_ACCOUNT_FREE_FAILURES, AUTH_ACCOUNT_FAILURES_PER_15_MIN). */
export function signInThrottle(): SignInThrottle {
  globalForThrottle.batchnormSignInThrottle ??= createSignInThrottle({
    ...DEFAULT_THROTTLE,
    freeFailures: positiveInt(process.env.AUTH_ACCOUNT_FREE_FAILURES, DEFAULT_THROTTLE.freeFailures),
    accountFailures: positiveInt(process.env.AUTH_ACCOUNT_FAILURES_PER_15_MIN, DEFAULT_THROTTLE.accountFailures),
  });
  return globalForThrottle.batchnormSignInThrottle;
}
