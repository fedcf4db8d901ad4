/**
 * CSRF defence for our own state-changing route handlers (better-auth's
 * endpoints and Next.js server actions check the Origin themselves).
 *
 * The session cookie is SameSite=Lax, which stops cross-SITE form posts but
 * not posts from another origin on the same site (another port on the same
 * host, a sibling subdomain). Browsers send `Origin` on every POST/PUT/
 * PATCH/DELETE, so a write is refused unless its Origin is this server's own
 * (the Host it was addressed to) or a configured trusted origin. A request
 * with neither Origin nor Sec-Fetch-Site comes from a non-browser client
 * (curl, the load test), which cannot ride on a victim's cookie: allowed.
 */
import { NextResponse } from "next/server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** BETTER_AUTH_URL and TRUSTED_ORIGINS (comma-separated), as configured for better-auth. */
export function configuredOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return [env.BETTER_AUTH_URL, ...(env.TRUSTED_ORIGINS ?? "").split(",")]
    .map((s) => originOf(s?.trim()))
    .filter((o): o is string => o !== null);
}

export function isCrossOriginWrite(request: Request, trusted: readonly string[] = configuredOrigins()): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site !== null && site !== "same-origin" && site !== "none";
  }
  const parsed = originOf(origin);
  if (parsed === null) return true; // "null" (sandboxed frame, file://) or garbage
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host && new URL(parsed).host === host.split(",")[0].trim()) return false;
  return !trusted.includes(parsed);
}

/** A 403 for a cross-origin write, or null to go on. */
export function refuseCrossOrigin(request: Request): NextResponse | null {
  if (!isCrossOriginWrite(request)) return null;
  return NextResponse.json({ error: "Cross-origin request refused." }, { status: 403 });
}
