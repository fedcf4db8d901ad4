/**
 * `?next=` after sign-in/sign-up: only a path on this site. The value is
 * parsed as a URL against a placeholder origin the way a browser would parse
 * the Location header, and must keep that origin. Browsers strip tabs and
 * newlines from URLs and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` are protocol-relative to them; anything with a control
 * character or a backslash is refused outright (a CR/LF would also make the
 * Location header invalid and the response a 500).
 */
const PLACEHOLDER_ORIGIN = "http://next.invalid";
const MAX_LENGTH = 512;

export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Re-serialised: what the browser will request is exactly what we checked.
  // Dot segments can collapse into a leading "//" ("/..//evil.example"): check again.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
