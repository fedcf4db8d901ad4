import { describe, expect, it } from "vitest";
import { configuredOrigins, isCrossOriginWrite, refuseCrossOrigin } from "./same-origin";

const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { method, headers });

describe("isCrossOriginWrite", () => {
  it("allows a write from the origin the request was addressed to", () => {
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", origin: "http://localhost:3000" }), [])).toBe(false);
    expect(isCrossOriginWrite(req("PUT", { host: "127.0.0.1:4100", origin: "http://127.0.0.1:4100" }), [])).toBe(false);
  });

  it("refuses a write from another origin, including another port on the same host", () => {
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", origin: "https://evil.example" }), [])).toBe(true);
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", origin: "http://localhost:3001" }), [])).toBe(true);
    expect(isCrossOriginWrite(req("DELETE", { host: "localhost:3000", origin: "null" }), [])).toBe(true);
  });

  it("allows configured trusted origins (a proxy in front of the app)", () => {
    const r = req("POST", { host: "internal:3000", origin: "https://lab.example.edu" });
    expect(isCrossOriginWrite(r, [])).toBe(true);
    expect(isCrossOriginWrite(r, ["https://lab.example.edu"])).toBe(false);
  });

  it("uses Sec-Fetch-Site when there is no Origin, and lets non-browser clients through", () => {
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", "sec-fetch-site": "cross-site" }), [])).toBe(true);
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", "sec-fetch-site": "same-site" }), [])).toBe(true);
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000", "sec-fetch-site": "same-origin" }), [])).toBe(false);
    expect(isCrossOriginWrite(req("POST", { host: "localhost:3000" }), [])).toBe(false);
  });

  it("ignores a client-supplied X-Forwarded-Host unless a trusted proxy is configured", () => {
    const forged = req("POST", { host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" });
    expect(isCrossOriginWrite(forged, [], false)).toBe(true);
    expect(isCrossOriginWrite(forged, [], true)).toBe(false);
  });

  it("never refuses reads", () => {
    expect(isCrossOriginWrite(req("GET", { host: "localhost:3000", origin: "https://evil.example" }), [])).toBe(false);
  });
});

describe("refuseCrossOrigin / configuredOrigins", () => {
  it("answers 403 JSON for a cross-origin write and null otherwise", async () => {
    const refused = refuseCrossOrigin(req("POST", { host: "localhost:3000", origin: "https://evil.example" }));
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toEqual({ error: "Cross-origin request refused." });
    expect(refuseCrossOrigin(req("POST", { host: "localhost:3000", origin: "http://localhost:3000" }))).toBeNull();
  });

  it("reads BETTER_AUTH_URL and TRUSTED_ORIGINS as origins", () => {
    expect(configuredOrigins({ BETTER_AUTH_URL: "https://lab.example.edu/", TRUSTED_ORIGINS: " https://a.example , bad url," })).toEqual([
      "https://lab.example.edu",
      "https://a.example",
    ]);
  });

  it("trusts both loopback spellings when BETTER_AUTH_URL is unset (a newcomer opening localhost or 127.0.0.1)", () => {
    const origins = configuredOrigins({ PORT: "4100" });
    expect(origins).toEqual(["http://localhost:4100", "http://127.0.0.1:4100"]);
    const r = req("POST", { host: "127.0.0.1:4100", origin: "http://localhost:4100" });
    expect(isCrossOriginWrite(r, origins, false)).toBe(false);
    expect(isCrossOriginWrite(r, [], false)).toBe(true);
  });
});
