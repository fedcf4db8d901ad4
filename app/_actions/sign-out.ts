"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";

export async function signOutAction(): Promise<void> {
  // Signing out without a session is harmless; better-auth clears the cookie either way.
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/");
}
