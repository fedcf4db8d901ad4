"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { authErrorToFieldErrors } from "@/lib/auth/auth-error";
import { type FieldErrors, fieldErrorsOf, signInSchema, signUpSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/safe-redirect";

export interface CredentialsFormState {
  errors: FieldErrors;
  values: { name?: string; email?: string };
}

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function signInAction(_prev: CredentialsFormState, formData: FormData): Promise<CredentialsFormState> {
  const values = { email: field(formData, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: field(formData, "password") });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), values };
  try {
    await auth.api.signInEmail({ body: { email: parsed.data.email.toLowerCase(), password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    const errors = authErrorToFieldErrors(error);
    if (errors) return { errors, values };
    throw error;
  }
  redirect(safeNextPath(formData.get("next"), "/"));
}

export async function signUpAction(_prev: CredentialsFormState, formData: FormData): Promise<CredentialsFormState> {
  const values = { name: field(formData, "name"), email: field(formData, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: field(formData, "password"), enrolmentCode: field(formData, "enrolmentCode") || undefined });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), values };
  try {
    await auth.api.signUpEmail({
      // enrolmentCode is read (and removed) by the sign-up hook when SIGNUP_CODE is set.
      body: { name: parsed.data.name, email: parsed.data.email.toLowerCase(), password: parsed.data.password, enrolmentCode: parsed.data.enrolmentCode ?? "" } as {
        name: string;
        email: string;
        password: string;
      },
      headers: await headers(),
    });
  } catch (error) {
    const errors = authErrorToFieldErrors(error);
    if (errors) return { errors, values };
    throw error;
  }
  redirect(safeNextPath(formData.get("next"), "/"));
}
