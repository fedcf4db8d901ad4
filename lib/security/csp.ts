/**
 * The Content-Security-Policy of every page (set by proxy.ts with a fresh
 * nonce per request; Next.js puts the nonce on its own inline bootstrap and
 * chunk scripts when it finds it in the request's CSP header).
 *
 * - script-src: only scripts carrying the nonce, and what they load
 *   ('strict-dynamic': Next's chunk loader and Monaco's lazy chunks). No
 *   'unsafe-inline', no 'unsafe-eval' in production: an injected <script> or
 *   event-handler attribute does not run.
 * - style-src 'unsafe-inline': React style attributes (figures, Recharts,
 *   KaTeX's positioning) and Monaco's runtime <style> elements cannot carry a
 *   nonce. Styles cannot run code; the risk left is CSS-based page
 *   defacement/exfiltration of attribute values, which we accept.
 * - worker-src 'self' blob:: Monaco's editor and TypeScript workers.
 * - connect-src 'self': the app only talks to itself (no CDN, no telemetry).
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's dev tooling needs eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
