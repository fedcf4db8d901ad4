/**
 * The production HTTP server (`npm start` runs it after building): Next.js's
 * request handler behind a plain Node server that first settles who the
 * client is (lib/security/client-address.ts) — the socket's peer, or the
 * address a proxy in TRUSTED_PROXIES reported — so a client cannot pick its
 * own address for the rate limits by sending X-Forwarded-For. Build assets
 * with a precompressed copy are sent from it (lib/http/precompressed-static.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { indexPrecompressed, servePrecompressed } from "../lib/http/precompressed-static";
import { capRequestBody } from "../lib/http/request-body-cap";
import { compileTrust, EDGE_MARKER_ENV, normalizeForwardingHeaders, trustedProxyList } from "../lib/security/client-address";
import { warmUp } from "./warm-up";

const port = Number(process.env.PORT?.trim() || "3000");
const host = process.env.HOST?.trim() || "0.0.0.0";
const trust = compileTrust(trustedProxyList());

// Tells the app (same process) that every request passed normalizeForwardingHeaders.
process.env[EDGE_MARKER_ENV] = "1";
// The database, its -wal/-shm and anything else the server creates: owner only.
process.umask(0o077);

const app = next({ dev: false, dir: process.cwd(), hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();
await app.prepare();
// Hashed build assets from their build-time brotli/gzip copies (scripts/precompress-static.ts).
const precompressed = await indexPrecompressed(path.resolve(".next/static"));

const listener = (req: IncomingMessage, res: ServerResponse) => {
  normalizeForwardingHeaders(req, trust);
  capRequestBody(req, res);
  if (res.writableEnded) return;
  if (servePrecompressed(precompressed, req, res)) return;
  void handle(req, res);
};

// Pay for every page type's first render before the port opens (SKIP_WARM_UP=1 skips it).
if (process.env.SKIP_WARM_UP !== "1") {
  const warm = await warmUp(listener);
  console.log(`Warmed up in ${Math.round(warm.ms)} ms${warm.failed.length ? ` (failed: ${warm.failed.join(", ")})` : ""}`);
}

const server = createServer(listener);
// Slow-loris bodies and headers: give up on a request that is not complete in time.
server.requestTimeout = 120_000;
server.headersTimeout = 20_000;
server.listen(port, host, () => {
  console.log(`Ready on http://${host}:${port}${trustedProxyList().length ? ` (trusted proxies: ${trustedProxyList().join(", ")})` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
