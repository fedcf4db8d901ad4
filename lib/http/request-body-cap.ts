/**
 * A body cap at the HTTP server, below Next.js (scripts/serve.ts): route
 * handlers read their bodies with their own, smaller caps
 * (read-capped-body.ts), but server actions and unknown routes are read by
 * Next.js itself, which drains or buffers a 200 MB chunked body before it
 * answers. Counting the bytes Node's HTTP parser pushes into the request
 * stream lets us answer 413 and close the connection at the cap without
 * consuming the stream that Next.js reads.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const SERVER_BODY_MAX_BYTES = 2 * 1024 * 1024;
/** Declared bodies up to this many times the cap are drained rather than cut off. */
const DRAIN_FACTOR = 8;
const DRAIN_TIMEOUT_MS = 10_000;

export function capRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes = SERVER_BODY_MAX_BYTES): void {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) {
    refuseDeclared(req, res, declared, maxBytes);
    return;
  }
  const push = req.push.bind(req);
  let total = 0;
  let refused = false;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refused) return false;
    if (chunk !== null && chunk !== undefined) {
      total += (chunk as { length: number }).length;
      if (total > maxBytes) {
        refused = true;
        refuse(req, res, maxBytes);
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

function tooLarge(maxBytes: number): string {
  return JSON.stringify({ error: `The request body is larger than ${Math.round(maxBytes / 1048576)} MB.` });
}

/**
 * A declared Content-Length over the cap. Closing at once would reset the
 * socket while the client is still writing its body, and the client then sees
 * EPIPE/ECONNRESET instead of our 413. So a body of moderate size is read and
 * discarded (Node dumps an unread request body once the response is finished)
 * and the keep-alive connection goes on; only a body too large to be worth
 * draining, or one that does not arrive in time, costs the connection.
 */
function refuseDeclared(req: IncomingMessage, res: ServerResponse, declared: number, maxBytes: number): void {
  const drain = declared <= maxBytes * DRAIN_FACTOR;
  res.writeHead(413, { "content-type": "application/json", "cache-control": "no-store", ...(drain ? {} : { connection: "close" }) });
  res.end(tooLarge(maxBytes));
  if (!drain) return;
  const giveUp = setTimeout(() => req.socket.destroy(), DRAIN_TIMEOUT_MS).unref();
  req.once("end", () => clearTimeout(giveUp));
  req.once("close", () => clearTimeout(giveUp));
}

/** Past the cap in the middle of a chunked body. */
function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  if (!res.headersSent) {
    res.writeHead(413, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(tooLarge(maxBytes));
  }
  // Returning false from push() stops the socket from reading, so nothing more
  // is received; the connection is closed shortly after, once the client has
  // had a moment to read the 413.
  setTimeout(() => req.socket.destroy(), 500).unref();
}
