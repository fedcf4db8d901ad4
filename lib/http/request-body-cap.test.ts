import { Agent, createServer, request } from "node:http";
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

interface Sent {
  status: number;
  body: string;
  /** A write error (EPIPE, ECONNRESET) seen by the client while sending. */
  error: string | null;
  reusedSocket: boolean;
}

function send(totalBytes: number, chunked: boolean, agent?: Agent): Promise<Sent> {
  return new Promise((resolve) => {
    let error: string | null = null;
    const headers = chunked ? {} : { "content-length": String(totalBytes) };
    const req = request({ port, method: "POST", path: "/", headers, agent }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      // Resolve on close, after the whole request was written or failed: a reset while writing shows up only then.
      res.on("end", () => (req.closed ? done() : req.once("close", done)));
      const done = () => resolve({ status: res.statusCode ?? 0, body, error, reusedSocket: req.reusedSocket });
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
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

/** Declares a huge body, sends none of it, and reports the answer's Connection header. */
function sendHeadersOnly(declared: number): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, method: "POST", path: "/", headers: { "content-length": String(declared) }, agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      req.destroy();
    });
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? undefined : reject(e)));
    req.flushHeaders();
  });
}

describe("capRequestBody", () => {
  it("lets a body under the cap through to the handler intact", async () => {
    bytesSeenByHandler = 0;
    expect(await send(512 * 1024, true)).toMatchObject({ status: 200, body: "read all", error: null });
    expect(bytesSeenByHandler).toBe(512 * 1024);
  });

  it("answers 413 to a 200 MB chunked body and stops near the cap", async () => {
    bytesSeenByHandler = 0;
    const { status } = await send(200 * 1024 * 1024, true);
    expect(status).toBe(413);
    expect(bytesSeenByHandler).toBeLessThanOrEqual(1024 * 1024);
  });

  it("answers 413 to a declared Content-Length over the cap while the client writes it all, and a keep-alive client can go on", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(3 * 1024 * 1024, false, agent);
    expect(first).toMatchObject({ status: 413, error: null });
    const second = await send(1024, false, agent);
    expect(second).toMatchObject({ status: 200, error: null });
    expect(second.reusedSocket).toBe(true);
    agent.destroy();
  });

  it("closes the connection instead of draining a declared body far over the cap", async () => {
    const { status, connection } = await sendHeadersOnly(100 * 1024 * 1024);
    expect(status).toBe(413);
    expect(connection).toBe("close");
  });
});
