import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/_actions/credentials-actions";
import { CredentialsForm } from "@/app/_components/credentials-form";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="narrow card">
      <h1>Sign in</h1>
      <CredentialsForm mode="sign-in" action={signInAction} next={next} />
    </div>
  );
}
