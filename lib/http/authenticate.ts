import "server-only";
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";
import { parseRole } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * Route handlers answer with JSON errors rather than redirects: returns the
 * user, or a 401/403 response to send back as is.
 */
export async function authenticateRequest(
  request: Request,
  options: { role?: "instructor" } = {},
): Promise<{ user: CurrentUser; error?: undefined } | { user?: undefined; error: NextResponse }> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) {
    return { error: NextResponse.json({ error: "Sign in to continue." }, { status: 401 }) };
  }
  const user: CurrentUser = {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: parseRole((session.user as { role?: unknown }).role),
  };
  if (options.role === "instructor" && user.role !== "instructor") {
    return { error: NextResponse.json({ error: "Instructors only." }, { status: 403 }) };
  }
  return { user };
}
