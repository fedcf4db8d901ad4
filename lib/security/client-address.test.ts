import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, compileTrust, EDGE_MARKER_ENV, normalizeForwardingHeaders, trustedProxyList } from "./client-address";

function incoming(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("normalizeForwardingHeaders", () => {
  it("without trusted proxies: the socket's address, whatever the client claims", () => {
    const req = incoming("192.0.2.10", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-forwarded-host": "evil.example", [CLIENT_ADDRESS_HEADER]: "8.8.8.8" });
    expect(normalizeForwardingHeaders(req, compileTrust([]))).toBe("192.0.2.10");
    expect(req.headers["x-forwarded-for"]).toBe("192.0.2.10");
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.10");
    expect(req.headers["x-real-ip"]).toBeUndefined();
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("behind a trusted proxy: the rightmost untrusted hop, and X-Forwarded-Host is kept", () => {
    const trust = compileTrust(trustedProxyList("10.0.0.5, 10.0.1.0/24"));
    const req = incoming("10.0.0.5", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.1.3", "x-forwarded-host": "lab.example.edu" });
    expect(normalizeForwardingHeaders(req, trust)).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-host"]).toBe("lab.example.edu");
  });

  it("a client that is not the trusted proxy cannot use the proxy's headers", () => {
    const trust = compileTrust(["10.0.0.5"]);
    const req = incoming("198.51.100.9", { "x-forwarded-for": "1.2.3.4" });
    expect(normalizeForwardingHeaders(req, trust)).toBe("198.51.100.9");
  });
});

describe("clientAddressOf", () => {
  const request = new Request("http://localhost/", { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.10" } });
  it("trusts the header only behind our server", () => {
    expect(clientAddressOf(request, { [EDGE_MARKER_ENV]: "1" })).toBe("192.0.2.10");
    expect(clientAddressOf(request, {})).toBe("unknown");
  });
});
