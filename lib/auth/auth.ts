import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { APIError } from "better-auth/api";
import { CLIENT_ADDRESS_HEADER, EDGE_MARKER_ENV } from "@/lib/security/client-address";
import { afterAuthHook, beforeAuthHook } from "./auth-hooks";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./credentials";
import { checkDisplayName } from "./display-name";
import { allowedOrigins, siteBaseUrl } from "./origins";
import { resolveAuthSecret } from "./secret";

const baseURL = siteBaseUrl();
const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Names are checked here, below every sign-up and update-user path (display-name.ts). */
function validName(raw: unknown): string {
  const checked = checkDisplayName(raw);
  if (!checked.ok) throw new APIError("BAD_REQUEST", { message: checked.message, code: "INVALID_NAME" });
  return checked.name;
}

export const auth = betterAuth({
  appName: "BatchNorm Lab",
  baseURL,
  secret: resolveAuthSecret(),
  database: prismaAdapter(db, { provider: "sqlite" }),
  telemetry: { enabled: false },
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
  },
  user: {
    additionalFields: {
      // input: false — a sign-up request can never choose its own role.
      role: { type: "string", required: false, defaultValue: "student", input: false },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
  },
  trustedOrigins: allowedOrigins(),
  hooks: { before: beforeAuthHook, after: afterAuthHook },
  advanced: {
    // Only the address scripts/serve.ts resolved from the socket (or a
    // TRUSTED_PROXIES proxy): X-Forwarded-For from a client is never read
    // (Next.js passes a client's own X-Forwarded-For through unchanged).
    // Without that server (next dev) no header is trusted: one shared bucket.
    ipAddress: { ipAddressHeaders: process.env[EDGE_MARKER_ENV] ? [CLIENT_ADDRESS_HEADER] : ["x-batchnorm-no-trusted-address"] },
    // Secure cookies need HTTPS; on plain-http localhost the browser would drop them.
    useSecureCookies: process.env.SECURE_COOKIES ? process.env.SECURE_COOKIES === "true" : baseURL.startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  rateLimit: {
    enabled: process.env.AUTH_RATE_LIMIT !== "off",
    window: 60,
    max: numberFromEnv("AUTH_RATE_LIMIT_MAX", 300),
    customRules: {
      "/sign-in/email": { window: 60, max: numberFromEnv("AUTH_SIGN_IN_LIMIT", 30) },
      "/sign-up/email": { window: 60, max: numberFromEnv("AUTH_SIGN_UP_LIMIT", 30) },
    },
  },
  databaseHooks: {
    user: {
      create: {
        // Defence in depth on top of credentials.ts: the API path bypasses our forms.
        before: async (user) => {
          if (typeof user.email === "string" && user.email.length > EMAIL_MAX_LENGTH) return false;
          return { data: { ...user, name: validName(user.name), role: "student" } };
        },
      },
      update: {
        before: async (user) => {
          if (!("name" in user) || user.name === undefined) return;
          return { data: { ...user, name: validName(user.name) } };
        },
      },
    },
  },
  plugins: [nextCookies()],
});
