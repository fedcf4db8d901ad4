import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding, indexPrecompressed, precompressStaticDir, servePrecompressed } from "./precompressed-static";

const script = `export const answer = ${JSON.stringify("x".repeat(4000))};\n`;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "precompressed-"));
  mkdirSync(path.join(dir, "chunks"));
  writeFileSync(path.join(dir, "chunks", "app-1a2b.js"), script);
  writeFileSync(path.join(dir, "chunks", "tiny.js"), "1");
  writeFileSync(path.join(dir, "chunks", "font.woff2"), Buffer.alloc(4096, 7));
  const totals = await precompressStaticDir(dir);
  expect(totals.files).toBe(1);
  const index = await indexPrecompressed(dir);
  server = createServer((req, res) => {
    if (!servePrecompressed(index, req, res)) res.writeHead(404, { "x-fell-through": "1" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Raw bytes as sent (Node's fetch would decode them), via node:http. */
async function get(url: string, headers: Record<string, string>, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(base + url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("precompressed static assets", () => {
  it("sends the brotli copy with immutable caching to a client that takes br", async () => {
    const res = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("sends gzip where br is not taken, and leaves identity-only clients to Next.js", async () => {
    const gz = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "gzip, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get("/_next/static/chunks/app-1a2b.js", {});
    expect(plain.headers["x-fell-through"]).toBe("1");
  });

  it("answers HEAD without a body", async () => {
    const res = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it("falls through for files without a copy, other paths and path tricks", async () => {
    for (const url of [
      "/_next/static/chunks/tiny.js",
      "/_next/static/chunks/font.woff2",
      "/_next/static/chunks/missing.js",
      "/_next/static/chunks/app-1a2b.js.br",
      "/chunks/app-1a2b.js",
    ]) {
      const res = await get(url, { "accept-encoding": "br" });
      expect(res.headers["x-fell-through"], url).toBe("1");
    }
  });

  it("reads Accept-Encoding with q-values", () => {
    expect(chooseEncoding("br;q=1.0, gzip;q=0.8")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
