/**
 * Issue 21 against the production server (scripts/serve.ts in front of Next.js):
 * spoofed client addresses, open redirects, names, common passwords, caching,
 * X-Forwarded-Host, autosave flooding and the CSP on a KaTeX page.
 * API clients send the site's Origin, as a browser would (better-auth refuses
 * cookie-carrying writes without one).
 */
import path from "node:path";
import { expect, type APIRequestContext, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_STUDENT, uniqueEmail } from "./helpers/auth";

const password = "a-good-password-1";

async function signUpApi(request: APIRequestContext, name = "Hardening Student") {
  const email = uniqueEmail("hardening");
  const response = await request.post("/api/auth/sign-up/email", { data: { name, email, password } });
  expect(response.status(), await response.text()).toBe(200);
  return email;
}

test("rotating X-Forwarded-For does not escape the sign-in limits, and sessions record the real address", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  const email = await signUpApi(request);
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    const response = await request.post("/api/auth/sign-in/email", {
      data: { email, password: `wrong-guess-${i}` },
      headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` },
    });
    statuses.push(response.status());
  }
  expect(statuses[30]).toBe(429);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
  // While locked, even the right password from this address waits (with Retry-After).
  const locked = await request.post("/api/auth/sign-in/email", { data: { email, password }, headers: { "x-forwarded-for": "192.0.2.77" } });
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);

  // A fresh account signed in with a forged X-Forwarded-For: the session stores the socket's address.
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  const otherEmail = uniqueEmail("xff");
  const signUp = await other.post("/api/auth/sign-up/email", { data: { name: "XFF", email: otherEmail, password }, headers: { "x-forwarded-for": "6.6.6.6" } });
  expect(signUp.status()).toBe(200);
  const db = new Database(path.resolve(process.env.E2E_DATABASE_URL?.replace(/^file:/, "") ?? "prisma/e2e.db"), { readonly: true });
  const rows = db.prepare("SELECT s.ipAddress AS ip FROM session s JOIN user u ON u.id = s.userId WHERE u.email = ?").all(otherEmail) as { ip: string }[];
  db.close();
  expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
});

// Raw query strings (already percent-encoded as an attacker would send them).
const NEXT_BYPASSES = [
  "%2F%09%2Fevil.example",
  "%2F%09%5Cevil.example",
  "%2F%0A%2Fevil.example",
  "%2F%0D%2Fevil.example",
  "%2F%0D%0ASet-Cookie:%20x=1",
  "%2F%5Cevil.example",
  "%5C%5Cevil.example",
  "%2F%2Fevil.example",
  "//evil.example",
  "/%5Cevil.example",
  "%2F%2E%2E%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example%2F",
  "https://evil.example/",
  "http:evil.example",
  "javascript%3Aalert(1)",
  "%00%2F%2Fevil.example",
  "%20%2F%2Fevil.example",
];

test("?next= never leaves the site and never answers 500", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  const signIn = await request.post("/api/auth/sign-in/email", { data: { email: DEMO_STUDENT.email, password: DEMO_STUDENT.password } });
  expect(signIn.status()).toBe(200);
  for (const next of NEXT_BYPASSES) {
    for (const page of ["/sign-in", "/sign-up"]) {
      const response = await request.get(`${page}?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), `${page}?next=${next}`).toBeGreaterThanOrEqual(300);
      expect(response.status(), `${page}?next=${next}`).toBeLessThan(400);
      const location = response.headers().location ?? "";
      const target = new URL(location, baseURL);
      expect(target.origin, `${page}?next=${next} → ${location}`).toBe(new URL(baseURL as string).origin);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for them
      expect(location, next).not.toMatch(/[\u0000-\u001F\\]|^\/\//);
    }
  }
});

test("names over 80 characters, blank or with bidi controls are refused by the API, on sign-up and update-user", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  for (const name of ["x".repeat(81), "   ", "", "Bob\u202Eevil", "Eve\u2066x\u2069", "Line\nBreak"]) {
    const response = await request.post("/api/auth/sign-up/email", { data: { name, email: uniqueEmail("badname"), password } });
    expect(response.status(), JSON.stringify(name)).toBe(400);
  }
  const huge = await request.post("/api/auth/sign-up/email", { data: { name: "x".repeat(5_000_000), email: uniqueEmail("huge"), password } });
  expect(huge.status()).toBe(413);

  await signUpApi(request, "  Padded Name  ");
  const session = await (await request.get("/api/auth/get-session")).json();
  expect(session.user.name).toBe("Padded Name");
  for (const name of ["y".repeat(81), "Bob\u202Eevil", " "]) {
    const response = await request.post("/api/auth/update-user", { data: { name } });
    expect(response.status(), JSON.stringify(name)).toBe(400);
  }
  expect((await request.post("/api/auth/update-user", { data: { name: "z".repeat(2_000_000) } })).status()).toBe(413);
  expect((await request.post("/api/auth/update-user", { data: { name: "Renamed" } })).status()).toBe(200);
  expect((await (await request.get("/api/auth/get-session")).json()).user.name).toBe("Renamed");
});

test("common passwords are refused at sign-up", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  for (const common of ["12345678", "password1", "Qwertyuiop"]) {
    const response = await request.post("/api/auth/sign-up/email", { data: { name: "Weak", email: uniqueEmail("weak"), password: common } });
    expect(response.status(), common).toBe(400);
    expect((await response.json()).code).toBe("PASSWORD_TOO_COMMON");
  }
});

test("private JSON is no-store, a forged X-Forwarded-Host does not pass the origin check, and autosave is rate-limited", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
  await signUpApi(request);
  const draftUrl = "/api/exercises/batchnorm-forward/draft";
  const draft = await request.get(draftUrl);
  expect(draft.headers()["cache-control"]).toContain("no-store");
  const session = await request.get("/api/auth/get-session");
  expect(session.headers()["cache-control"]).toContain("no-store");

  const forged = await request.put(draftUrl, {
    data: { code: "x", language: "typescript" },
    headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
  });
  expect(forged.status()).toBe(403);

  const statuses: number[] = [];
  for (let i = 0; i < 65; i++) {
    statuses.push((await request.put(draftUrl, { data: { code: `// ${i}`, language: "typescript" } })).status());
  }
  expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
});

test("pages carry a nonce-based CSP and a KaTeX lesson renders under it with a clean console", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/lessons/why-batchnorm-works");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(await page.locator(".katex").count()).toBeGreaterThan(5);
  // The nonce differs per response.
  const again = await page.request.get("/lessons/why-batchnorm-works");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
  // Hydrated: client navigation works (Next's inline bootstrap ran).
  await page.getByRole("link", { name: "Course" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  expect(problems).toEqual([]);
});
