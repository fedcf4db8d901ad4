import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./credentials";
import { resolveAuthSecret } from "./secret";

// Without BETTER_AUTH_URL the embedded default serves http://localhost:<PORT>;
// both loopback spellings are trusted so either works in a browser.
const port = process.env.PORT?.trim() || "3000";
const baseURL = process.env.BETTER_AUTH_URL?.trim() || `http://localhost:${port}`;
const loopbackOrigins = baseURL.startsWith("http://localhost:") ? [`http://127.0.0.1:${port}`] : [];
const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

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
  trustedOrigins: [
    ...loopbackOrigins,
    ...(process.env.TRUSTED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  ],
  advanced: {
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
          return { data: { ...user, role: "student" } };
        },
      },
    },
  },
  plugins: [nextCookies()],
});
