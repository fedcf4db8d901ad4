/**
 * `npm run build` step after `next build`: brotli and gzip copies of the
 * build's static assets, which scripts/serve.ts sends instead of compressing
 * them per request (lib/http/precompressed-static.ts).
 */
import path from "node:path";
import { precompressStaticDir } from "../lib/http/precompressed-static";

const started = performance.now();
const totals = await precompressStaticDir(path.resolve(".next/static"));
console.log(
  `Precompressed ${totals.files} static files: ${(totals.rawBytes / 1024 / 1024).toFixed(2)} MB → ${(totals.brBytes / 1024 / 1024).toFixed(2)} MB brotli in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
