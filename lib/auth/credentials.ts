import { z } from "zod";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./credential-limits";
import { checkDisplayName } from "./display-name";

export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// Shared by the sign-in/sign-up forms (client) and the server, so a user sees
// the same rule in the browser that the server enforces.

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Passwords are at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
});

export const signUpSchema = z.object({
  name: z.string().transform((value, ctx) => {
    const checked = checkDisplayName(value);
    if (checked.ok) return checked.name;
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  }),
  email: emailSchema,
  password: passwordSchema,
  /** only checked when SIGNUP_CODE is configured (lib/auth/auth-hooks.ts) */
  enrolmentCode: z.string().max(200).optional(),
});

export type FieldErrors = Partial<Record<"name" | "email" | "password" | "form", string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as keyof FieldErrors;
    out[key] ??= issue.message;
  }
  return out;
}
