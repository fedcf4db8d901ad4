/**
 * The client's network address, which the rate limits and the grading budget
 * key on. Next.js route handlers do not see the socket, and Next's own server
 * only fills in `X-Forwarded-For` when the client did not send one (it keeps a
 * forged value: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`).
 * So our HTTP server (scripts/serve.ts) resolves the address itself — the
 * socket's peer, or, when that peer is a proxy listed in TRUSTED_PROXIES, the
 * address that proxy reported — and writes it into CLIENT_ADDRESS_HEADER,
 * overwriting anything the client sent. The app trusts that header only when
 * it runs behind that server (EDGE_MARKER_ENV is set in the same process).
 */
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export const CLIENT_ADDRESS_HEADER = "x-batchnorm-client-address";
export const EDGE_MARKER_ENV = "BATCHNORM_EDGE_SERVER";
/** Headers a client could use to pose as someone else; never passed on from an untrusted peer. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** TRUSTED_PROXIES: comma-separated IPs, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal). */
export function trustedProxyList(value = process.env.TRUSTED_PROXIES): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export type TrustFunction = (address: string, hop: number) => boolean;

export function compileTrust(list: readonly string[]): TrustFunction {
  if (list.length === 0) return () => false;
  return proxyaddr.compile([...list]);
}

/**
 * Rewrites the forwarding headers of an incoming request in place: our
 * client-address header always, and X-Forwarded-* kept only from a trusted
 * proxy (otherwise dropped, so Next.js fills them from the socket and Host).
 */
export function normalizeForwardingHeaders(req: IncomingMessage, trust: TrustFunction): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const address = proxyaddr(req, trust) || peer;
  if (!trust(peer, 0)) {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
  }
  // A single value: better-auth's IP helper refuses lists, and so do we.
  req.headers["x-forwarded-for"] = address;
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

/** The address our server resolved, or "unknown" when the app runs without it (next dev). */
export function clientAddressOf(request: Request, env: Record<string, string | undefined> = process.env): string {
  if (!env[EDGE_MARKER_ENV]) return "unknown";
  return request.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
