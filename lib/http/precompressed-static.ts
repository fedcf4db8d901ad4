/**
 * Next.js's build assets (/_next/static/…: content-hashed scripts, styles,
 * fonts, Monaco's workers) sent from brotli/gzip copies written once at build
 * time (precompressStaticDir below, run by `npm run build`), instead of Next.js
 * gzipping each of them again on every request: smaller on the wire, and no
 * per-request compression CPU on a small shared machine. Used by
 * scripts/serve.ts ahead of Next.js's handler; anything without a
 * precompressed copy (or a client that accepts neither encoding) falls through
 * to Next.js, which serves it as before.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const URL_PREFIX = "/_next/static/";
/** Text formats worth compressing (woff2 and images are compressed already). */
const CONTENT_TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;
/** Every file here has a content hash or the build id in its URL: it never changes under that URL. */
const IMMUTABLE = "public, max-age=31536000, immutable";

type Encoding = "br" | "gzip";
interface Asset {
  contentType: string;
  copies: Partial<Record<Encoding, { file: string; bytes: number }>>;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

const compressible = (file: string) => Object.hasOwn(CONTENT_TYPES, path.extname(file));

/** Writes file.br and file.gz beside each compressible file of `staticDir` (Next.js's .next/static). */
export async function precompressStaticDir(staticDir: string): Promise<{ files: number; rawBytes: number; brBytes: number }> {
  const totals = { files: 0, rawBytes: 0, brBytes: 0 };
  for await (const file of filesUnder(staticDir)) {
    if (!compressible(file)) continue;
    const raw = await readFile(file);
    if (raw.length < MIN_BYTES) continue;
    const br = await promisify(brotliCompress)(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = await promisify(gzip)(raw, { level: constants.Z_BEST_COMPRESSION });
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gz);
    totals.files++;
    totals.rawBytes += raw.length;
    totals.brBytes += br.length;
  }
  return totals;
}

/** The precompressed assets of a build, by URL path; read once, as a build never changes under a running server. */
export async function indexPrecompressed(staticDir: string): Promise<Map<string, Asset>> {
  const index = new Map<string, Asset>();
  for await (const file of filesUnder(staticDir)) {
    if (!compressible(file)) continue;
    const copies: Asset["copies"] = {};
    for (const [encoding, suffix] of [
      ["br", ".br"],
      ["gzip", ".gz"],
    ] as const) {
      const info = await stat(file + suffix).catch(() => null);
      if (info?.isFile()) copies[encoding] = { file: file + suffix, bytes: info.size };
    }
    if (!copies.br && !copies.gzip) continue;
    const url = URL_PREFIX + path.relative(staticDir, file).split(path.sep).join("/");
    index.set(url, { contentType: CONTENT_TYPES[path.extname(file)], copies });
  }
  return index;
}

/** br if the client takes it, else gzip, else none; a `;q=0` refuses that encoding. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase().split(";"))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}

/**
 * Answers the request from `index` when it asks for a precompressed asset the
 * client can take; returns false (untouched response) otherwise.
 */
export function servePrecompressed(index: Map<string, Asset>, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = (req.url ?? "").split("?")[0];
  if (!pathname.startsWith(URL_PREFIX)) return false;
  const asset = index.get(pathname); // exact keys only: no path is built from the URL
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const copy = asset && encoding ? asset.copies[encoding] : undefined;
  if (!asset || !copy) return false;
  res.writeHead(200, {
    "Content-Type": asset.contentType,
    "Content-Encoding": encoding as Encoding,
    "Content-Length": copy.bytes,
    "Cache-Control": IMMUTABLE,
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  const stream = createReadStream(copy.file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
  return true;
}
