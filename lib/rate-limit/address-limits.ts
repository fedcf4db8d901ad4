/**
 * Limits keyed on the client address alone (lib/security/client-address.ts:
 * the socket's peer or what a TRUSTED_PROXIES proxy reported, never a header
 * the client picked). They need no user, so the route wrapper checks them
 * before it looks up the session (lib/http/route.ts): a flood of requests
 * from one address — however many free accounts it signed up — is refused
 * with 429 before any database query of the app's own (on PostgreSQL the
 * limiter's counter is itself a row, lib/rate-limit/limiter-store.ts).
 *
 * The per-user limits (submission-limiter.ts, autosave-limiter.ts, the user's
 * grading budget) stay where the user is known. Defaults are 20 × the per-user
 * limits, since an address may be a classroom behind one NAT:
 * SUBMISSION_ADDRESS_RATE_LIMIT_POINTS (600) / AUTOSAVE_ADDRESS_RATE_LIMIT_POINTS
 * (1200) per ADDRESS_RATE_LIMIT_SECONDS (60). An unknown address (`next dev`,
 * no edge server) is not limited here, as in the grading budget.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { gradingBudget } from "./grading-budget";
import { createLimiter } from "./limiter-store";
import { positiveInt } from "@/lib/config/positive-int";

export interface AddressRefusal {
  retryAfterSeconds: number;
  /** shown to the student as is */
  error: string;
}

/** null: let the request through; otherwise the 429 to answer. */
export type AddressLimit = (address: string) => Promise<AddressRefusal | null>;

const isKnown = (address: string) => address !== "" && address !== "unknown";

/** A count of requests per address and window; each request, refused or not, uses a point. */
export function createAddressRequestLimit(keyPrefix: string, points: number, durationSeconds: number, what: string): AddressLimit {
  const limiter = createLimiter({ keyPrefix, points, duration: durationSeconds });
  return async (address) => {
    if (!isKnown(address)) return null;
    try {
      await limiter.consume(address, 1);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      return { retryAfterSeconds, error: `Too many ${what} from your network. Try again in ${retryAfterSeconds} s.` };
    }
  };
}

/**
 * Run and Submit: the address's grading budget (only read: charged after each
 * grading) and then its request count, so a request the budget refuses does
 * not also use up a point.
 */
export function createGradedRequestLimit(requests: AddressLimit, budget = gradingBudget): AddressLimit {
  return async (address) => {
    if (!isKnown(address)) return null;
    const spent = await budget().checkAddress(address);
    if (!spent.ok) {
      return {
        retryAfterSeconds: spent.retryAfterSeconds,
        error: `Recent code from your network used up its grading time. Try again in ${spent.retryAfterSeconds} s.`,
      };
    }
    return requests(address);
  };
}

// One set per process (Next.js may load this module in several bundles).
const processWide = globalThis as unknown as { batchnormAddressLimits?: { graded: AddressLimit; autosave: AddressLimit } };

function limits() {
  const seconds = positiveInt(process.env.ADDRESS_RATE_LIMIT_SECONDS, 60);
  processWide.batchnormAddressLimits ??= {
    graded: createGradedRequestLimit(
      createAddressRequestLimit("address-submissions", positiveInt(process.env.SUBMISSION_ADDRESS_RATE_LIMIT_POINTS, 600), seconds, "runs and submissions"),
    ),
    autosave: createAddressRequestLimit("address-autosave", positiveInt(process.env.AUTOSAVE_ADDRESS_RATE_LIMIT_POINTS, 1200), seconds, "saves"),
  };
  return processWide.batchnormAddressLimits;
}

/** POST /api/exercises/<id>/submissions (Run and Submit). */
export const gradedRequestsByAddress: AddressLimit = (address) => limits().graded(address);

/** PUT /api/exercises/<id>/draft (autosave). */
export const autosavesByAddress: AddressLimit = (address) => limits().autosave(address);
