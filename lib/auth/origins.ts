/**
 * The site's own origin and the other origins allowed to write to it, shared
 * by better-auth (trustedOrigins) and our route handlers' CSRF check, so the
 * two never disagree. Without BETTER_AUTH_URL the embedded default serves
 * http://localhost:<PORT>; a newcomer may open it as 127.0.0.1 or localhost,
 * so both loopback spellings are trusted then.
 */
export function siteBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const port = env.PORT?.trim() || "3000";
  return env.BETTER_AUTH_URL?.trim() || `http://localhost:${port}`;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** BETTER_AUTH_URL (or the loopback default), its other loopback spelling, and TRUSTED_ORIGINS. */
export function allowedOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const base = siteBaseUrl(env);
  const port = env.PORT?.trim() || "3000";
  const loopback = env.BETTER_AUTH_URL?.trim() ? [] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const extra = (env.TRUSTED_ORIGINS ?? "").split(",");
  return [...new Set([base, ...loopback, ...extra].map((s) => originOf(s?.trim())).filter((o): o is string => o !== null))];
}
