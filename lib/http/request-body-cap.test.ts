import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capRequestBody } from "./request-body-cap";

let port = 0;
let bytesSeenByHandler = 0;
const server = createServer((req, res) => {
  capRequestBody(req, res, 1024 * 1024);
  if (res.writableEnded) return;
  // Like Next.js: the handler reads the stream itself, after the cap was installed.
  req.on("data", (c: Buffer) => {
    bytesSeenByHandler += c.length;
  });
  req.on("end", () => res.end("read all"));
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function send(totalBytes: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request({ port, method: "POST", path: "/", headers: chunked ? {} : { "content-length": String(totalBytes) } }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", () => {});
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        const chunk = Buffer.alloc(Math.min(64 * 1024, totalBytes - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("capRequestBody", () => {
  it("lets a body under the cap through to the handler intact", async () => {
    bytesSeenByHandler = 0;
    expect(await send(512 * 1024, true)).toEqual({ status: 200, body: "read all" });
    expect(bytesSeenByHandler).toBe(512 * 1024);
  });

  it("answers 413 to a 200 MB chunked body and stops near the cap", async () => {
    bytesSeenByHandler = 0;
    const { status } = await send(200 * 1024 * 1024, true);
    expect(status).toBe(413);
    expect(bytesSeenByHandler).toBeLessThanOrEqual(1024 * 1024);
  });

  it("answers 413 at once to a declared Content-Length over the cap, and a keep-alive client can go on", async () => {
    const { status } = await send(3 * 1024 * 1024, false);
    expect(status).toBe(413);
    expect((await send(1024, false)).status).toBe(200);
  });
});
