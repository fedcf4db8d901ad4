/**
 * Session cookie flags as our better-auth configuration produces them:
 * HttpOnly and SameSite=Lax always; Secure (and the __Secure- prefix) when
 * the app is served over https. The http case is also checked over the wire
 * by e2e/security-matrix.spec.ts.
 */
import { getCookies } from "better-auth/cookies";
import { afterEach, describe, expect, it, vi } from "vitest";

async function sessionCookieFor(baseUrl: string) {
  vi.resetModules();
  vi.stubEnv("BETTER_AUTH_URL", baseUrl);
  vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(40));
  vi.stubEnv("SECURE_COOKIES", "");
  const { auth } = await import("@/lib/auth/auth");
  return getCookies(auth.options).sessionToken;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("session cookie", () => {
  it("is Secure with the __Secure- prefix behind https", async () => {
    const cookie = await sessionCookieFor("https://lab.example.edu");
    expect(cookie.name.startsWith("__Secure-")).toBe(true);
    expect(cookie.attributes).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
  });

  it("is HttpOnly and SameSite=Lax but not Secure on plain-http localhost (browsers would drop it)", async () => {
    const cookie = await sessionCookieFor("http://localhost:3000");
    expect(cookie.name.startsWith("__Secure-")).toBe(false);
    expect(cookie.attributes).toMatchObject({ httpOnly: true, sameSite: "lax" });
    expect(cookie.attributes.secure).toBeFalsy();
  });
});
