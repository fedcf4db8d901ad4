/**
 * better-auth's route handler with a body cap in front: the library reads
 * whole bodies itself, so the body is read here first (as a stream, at most
 * AUTH_BODY_MAX_BYTES — credentials and a name fit in a few hundred bytes)
 * and handed on in a fresh Request.
 */
import { NextResponse } from "next/server";
import { BodyTooLargeError, readCappedBody } from "@/lib/http/read-capped-body";

export const AUTH_BODY_MAX_BYTES = 16 * 1024;

type Handler = (request: Request) => Promise<Response>;

export function withCappedBody(handler: Handler, maxBytes = AUTH_BODY_MAX_BYTES): Handler {
  return async (request) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request);
    let body: Uint8Array;
    try {
      body = await readCappedBody(request, maxBytes);
    } catch (e) {
      if (e instanceof BodyTooLargeError) return NextResponse.json({ message: e.message, code: "BODY_TOO_LARGE" }, { status: 413 });
      throw e;
    }
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    return handler(new Request(request.url, { method: request.method, headers, body: body.byteLength > 0 ? (body as BodyInit) : null, signal: request.signal }));
  };
}

/** better-auth's Next.js handlers, POST behind the body cap. */
export function cappedAuthHandlers(handlers: { GET: Handler; POST: Handler }): { GET: Handler; POST: Handler } {
  return { GET: handlers.GET, POST: withCappedBody(handlers.POST) };
}
