/**
 * Server side: asks the browser to fetch Monaco's scripts while it is still
 * parsing the exercise page's HTML, instead of when the editor's dynamic
 * import runs after hydration (~0.8 s later on this machine).
 *
 * The chunk URLs come from the page's react-loadable-manifest.json, the file
 * `next build` writes per page for its next/dynamic imports (and that Next's
 * own SSR preloads read). On the exercise page both of them (the editor and
 * the history diff) load Monaco, so the scripts they share are Monaco's and
 * are fetched on every visit; the diff's own chunk is left to its import.
 * Missing manifest (next dev, another layout of .next): no hints, nothing else changes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { headers } from "next/headers";

type LoadableManifest = Record<string, { files?: string[] }>;

/** The script files every dynamic import of the page needs (empty when there is none). */
export function scriptsSharedByAllImports(manifest: LoadableManifest): string[] {
  const scripts = Object.values(manifest).map((entry) => (entry.files ?? []).filter((file) => file.endsWith(".js")));
  if (scripts.length === 0) return [];
  return scripts[0].filter((file) => scripts.every((list) => list.includes(file)));
}

const cache = new Map<string, string[]>();

function sharedScriptsOf(pagePath: string): string[] {
  const cached = cache.get(pagePath);
  if (cached) return cached;
  let scripts: string[] = [];
  try {
    const file = path.join(process.cwd(), ".next", "server", "app", pagePath, "page", "react-loadable-manifest.json");
    scripts = scriptsSharedByAllImports(JSON.parse(readFileSync(file, "utf8")) as LoadableManifest);
  } catch {
    // no production build output here: no hints
  }
  cache.set(pagePath, scripts);
  return scripts;
}

/**
 * <link rel="preload" as="script"> for Monaco's scripts, with the request's
 * CSP nonce. Rendered as elements, so they are in the HTML itself (React puts
 * them in <head>): ReactDOM.preload() called in a server component reached the
 * browser only with the RSC payload, i.e. at hydration.
 */
export async function EditorPreloads({ pagePath }: { pagePath: string }) {
  const scripts = sharedScriptsOf(pagePath);
  if (scripts.length === 0) return null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Low priority, as Next's own chunk preloads: the page's hydration scripts go first.
  return scripts.map((file) => <link key={file} rel="preload" as="script" fetchPriority="low" href={`/_next/${file}`} nonce={nonce} />);
}
