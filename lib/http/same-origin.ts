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
 *
 * X-Forwarded-Host counts only when TRUSTED_PROXIES is configured (our server
 * passes it on only from such a proxy); otherwise any client could name the
 * host its own Origin points at.
 */
import { NextResponse } from "next/server";
import { allowedOrigins } from "@/lib/auth/origins";
import { trustedProxyList } from "@/lib/security/client-address";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The same origins better-auth trusts (lib/auth/origins.ts). */
export function configuredOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return allowedOrigins(env);
}

export function isCrossOriginWrite(
  request: Request,
  trusted: readonly string[] = configuredOrigins(),
  trustForwardedHost = trustedProxyList().length > 0,
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site !== null && site !== "same-origin" && site !== "none";
  }
  const parsed = originOf(origin);
  if (parsed === null) return true; // "null" (sandboxed frame, file://) or garbage
  const host = (trustForwardedHost ? request.headers.get("x-forwarded-host") : null) ?? request.headers.get("host");
  if (host && new URL(parsed).host === host.split(",")[0].trim()) return false;
  return !trusted.includes(parsed);
}

/** A 403 for a cross-origin write, or null to go on. */
export function refuseCrossOrigin(request: Request): NextResponse | null {
  if (!isCrossOriginWrite(request)) return null;
  return NextResponse.json({ error: "Cross-origin request refused." }, { status: 403 });
}
