import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signUpAction } from "@/app/_actions/credentials-actions";
import { CredentialsForm } from "@/app/_components/credentials-form";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create a student account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="narrow card">
      <h1>Create a student account</h1>
      <CredentialsForm mode="sign-up" action={signUpAction} next={next} askEnrolmentCode={Boolean(process.env.SIGNUP_CODE?.trim())} />
    </div>
  );
}
