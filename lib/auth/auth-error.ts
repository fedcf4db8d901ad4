import type { FieldErrors } from "./credentials";

interface BetterAuthErrorLike {
  statusCode?: number;
  body?: { code?: string; message?: string };
}

/** Turns a better-auth APIError into a message on the right form field. */
export function authErrorToFieldErrors(error: unknown): FieldErrors | null {
  if (!error || typeof error !== "object" || !("body" in error || "statusCode" in error)) return null;
  const { statusCode, body } = error as BetterAuthErrorLike;
  const code = body?.code ?? "";
  if (code === "INVALID_EMAIL_OR_PASSWORD") return { form: "Wrong email or password." };
  if (code.startsWith("USER_ALREADY_EXISTS")) return { email: "An account with this email already exists. Sign in instead." };
  if (code === "INVALID_EMAIL") return { email: "Enter a valid email address, like name@example.com." };
  if (code.startsWith("PASSWORD_TOO")) return { password: body?.message ?? "That password is not allowed." };
  if (code === "INVALID_NAME") return { name: body?.message ?? "That name is not allowed." };
  if (code === "ENROLMENT_CODE_REQUIRED") return { form: body?.message ?? "Sign-up needs the enrolment code from your instructor." };
  if (statusCode === 429) return { form: "Too many attempts. Wait a minute and try again." };
  if (statusCode && statusCode < 500) return { form: body?.message ?? "That request was not accepted." };
  return null;
}
