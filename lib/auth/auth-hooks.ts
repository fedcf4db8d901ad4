/**
 * better-auth request hooks (they run for HTTP calls and for auth.api.* calls
 * from our server actions alike):
 * - sign-in: the per-account throttle (sign-in-throttle.ts), keyed by the
 *   address our server resolved, never by a client-supplied header;
 * - sign-up: the optional enrolment code (SIGNUP_CODE) and the common-password
 *   check; password changes and resets get the same check.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { CLIENT_ADDRESS_HEADER, EDGE_MARKER_ENV } from "@/lib/security/client-address";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "./password-policy";
import { signInThrottle } from "./sign-in-throttle";

const PASSWORD_FIELDS: Record<string, string> = { "/sign-up/email": "password", "/change-password": "newPassword", "/reset-password": "newPassword" };

function addressOf(headers: Headers | undefined): string {
  if (!process.env[EDGE_MARKER_ENV]) return "unknown";
  return headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given.trim()), digest(expected));
}

function body(ctx: { body?: unknown }): Record<string, unknown> {
  return ctx.body && typeof ctx.body === "object" ? (ctx.body as Record<string, unknown>) : {};
}

export const beforeAuthHook = createAuthMiddleware(async (ctx) => {
  const fields = body(ctx);
  if (ctx.path === "/sign-in/email" && typeof fields.email === "string") {
    const decision = await signInThrottle().check(fields.email, addressOf(ctx.headers));
    if (!decision.ok) {
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { message: `Too many wrong passwords for this account. Try again in ${decision.retryAfterSeconds} s.`, code: "TOO_MANY_SIGN_IN_FAILURES" },
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
  }
  const passwordField = PASSWORD_FIELDS[ctx.path];
  if (passwordField && typeof fields[passwordField] === "string" && isCommonPassword(fields[passwordField] as string)) {
    throw new APIError("BAD_REQUEST", { message: COMMON_PASSWORD_MESSAGE, code: "PASSWORD_TOO_COMMON" });
  }
  if (ctx.path === "/sign-up/email") {
    const code = process.env.SIGNUP_CODE?.trim();
    const { enrolmentCode, ...rest } = fields;
    // Requests from a browser or client carry headers; our own CLI (user:create) calls without any.
    if (code && ctx.headers && !sameSecret(enrolmentCode, code)) {
      throw new APIError("FORBIDDEN", { message: "Sign-up needs the enrolment code from your instructor.", code: "ENROLMENT_CODE_REQUIRED" });
    }
    if (enrolmentCode !== undefined) return { context: { body: rest } };
  }
});

export const afterAuthHook = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = body(ctx).email;
  if (typeof email !== "string") return;
  const returned = ctx.context.returned;
  const address = addressOf(ctx.headers);
  if (isAPIError(returned)) {
    if (returned.statusCode === 401) await signInThrottle().recordFailure(email, address);
  } else if (returned !== undefined) {
    await signInThrottle().recordSuccess(email, address);
  }
});
