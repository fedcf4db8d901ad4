/**
 * The security matrix over HTTP against the production server: every route
 * handler and page family × anonymous / student / other student / instructor
 * (lib/security/access-matrix.ts), session cookie flags, CSRF (a foreign
 * Origin with a valid session cookie changes nothing), a replayed server
 * action (privilege escalation) and passwords never returned.
 */
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { type Caller, CALLERS, PAGE_CASES, ROUTE_CASES } from "../lib/security/access-matrix";
import { DEMO_INSTRUCTOR, signIn, uniqueEmail } from "./helpers/auth";

test.describe.configure({ mode: "serial" });

const PASSWORD = "matrix-password-123";
let baseURL: string;
const ctx = {} as Record<Caller, APIRequestContext>;
const ids = { own: "", studentId: "", otherId: "" };
let signInSetCookie = "";

async function context(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

async function signUp(api: APIRequestContext, email: string): Promise<string> {
  const response = await api.post("/api/auth/sign-up/email", { data: { name: "Matrix Student", email, password: PASSWORD } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toContain(PASSWORD);
  expect(text.toLowerCase()).not.toContain('"password"');
  return (JSON.parse(text) as { user: { id: string } }).user.id;
}

const fill = (s: string) => s.replace("{own}", ids.own).replace("{studentId}", ids.studentId).replace("{uuid}", randomUUID());
const fillBody = (body?: Record<string, unknown>) => (body ? JSON.parse(fill(JSON.stringify(body))) : undefined);

test.beforeAll(async ({ playwright }, info) => {
  void playwright; // a worker fixture is required here; requests are made with fresh contexts below
  baseURL = info.project.use.baseURL as string;
  for (const caller of CALLERS) ctx[caller] = await context();
  ids.studentId = await signUp(ctx.student, uniqueEmail("matrix-a"));
  ids.otherId = await signUp(ctx.otherStudent, uniqueEmail("matrix-b"));
  const signIn = await ctx.instructor.post("/api/auth/sign-in/email", { data: { email: DEMO_INSTRUCTOR.email, password: DEMO_INSTRUCTOR.password } });
  expect(signIn.status()).toBe(200);
  expect(await signIn.text()).not.toContain(DEMO_INSTRUCTOR.password);
  signInSetCookie = signIn.headers()["set-cookie"] ?? "";
  const own = await ctx.student.post("/api/exercises/batchnorm-forward/submissions", {
    data: { code: "export function batchnormForward() { return null; }", language: "typescript", mode: "submit", clientRequestId: randomUUID() },
  });
  expect(own.status()).toBe(200);
  ids.own = ((await own.json()) as { id: string }).id;
});

test.afterAll(async () => {
  for (const caller of CALLERS) await ctx[caller]?.dispose();
});

for (const c of ROUTE_CASES) {
  test(`route ${c.method} ${c.path}`, async () => {
    for (const caller of CALLERS) {
      const response = await ctx[caller].fetch(fill(c.path), { method: c.method, data: fillBody(c.body), maxRedirects: 0 });
      expect(response.status(), `${caller} ${c.method} ${c.path}`).toBe(c.expect[caller]);
    }
  });
}

for (const c of PAGE_CASES) {
  test(`page ${c.path}`, async () => {
    for (const caller of CALLERS) {
      const response = await ctx[caller].get(fill(c.path), { maxRedirects: 0 });
      expect(response.status(), `${caller} GET ${c.path}`).toBe(c.expect[caller]);
      if (response.status() === 307) expect(response.headers().location, c.path).toContain("/sign-in");
    }
  });
}

test("another student's history and submission stay invisible", async () => {
  const history = await (await ctx.otherStudent.get("/api/exercises/batchnorm-forward/submissions")).text();
  expect(history).not.toContain(ids.own);
  const own = await (await ctx.student.get("/api/exercises/batchnorm-forward/submissions")).text();
  expect(own).toContain(ids.own);
});

test("the session cookie is HttpOnly, SameSite=Lax and not readable by scripts", async () => {
  const session = signInSetCookie.split("\n").find((c) => c.includes("session_token="));
  expect(session, signInSetCookie).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  // Plain-http loopback: Secure would make the browser drop the cookie (Secure on https is unit-tested).
  expect(session).not.toMatch(/;\s*Secure/i);
});

test("CSRF: writes with the victim's cookie but a foreign Origin are refused and change nothing", async () => {
  const draftBefore = await (await ctx.student.get("/api/exercises/batchnorm-forward/draft")).json();
  const historyBefore = ((await (await ctx.student.get("/api/exercises/batchnorm-forward/submissions")).json()) as { submissions: unknown[] }).submissions.length;
  for (const origin of ["https://evil.example", "http://localhost:1", "null"]) {
    for (const c of ROUTE_CASES.filter((r) => r.stateChanging)) {
      const body = fillBody(c.body);
      if (body && "mode" in body) body.mode = "submit";
      const response = await ctx.student.fetch(fill(c.path), { method: c.method, data: body, headers: { origin }, maxRedirects: 0 });
      expect(response.status(), `${origin} ${c.method} ${c.path}`).toBe(403);
    }
  }
  expect(await (await ctx.student.get("/api/exercises/batchnorm-forward/draft")).json()).toEqual(draftBefore);
  const historyAfter = ((await (await ctx.student.get("/api/exercises/batchnorm-forward/submissions")).json()) as { submissions: unknown[] }).submissions.length;
  expect(historyAfter).toBe(historyBefore);
});

test("server action replay: only an instructor on this origin can change a role", async ({ page }) => {
  const roleOf = async (api: APIRequestContext) => ((await (await api.get("/api/auth/get-session")).json()) as { user: { role: string } }).user.role;
  // Capture the real action request an instructor's browser sends for a decoy account.
  const decoy = await context();
  const decoyEmail = uniqueEmail("matrix-decoy");
  const decoyId = await signUp(decoy, decoyEmail);
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.goto(`/instructor/users?q=${encodeURIComponent(decoyEmail)}`);
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: `Promote ${decoyEmail}` }).click();
  const action = await captured;
  await expect.poll(() => roleOf(decoy)).toBe("instructor"); // the capture itself worked
  const headers = Object.fromEntries(Object.entries(await action.allHeaders()).filter(([k]) => !["cookie", "origin", "content-length", "host"].includes(k)));
  const selfPromotion = (action.postDataBuffer() as Buffer).toString("latin1").replaceAll(decoyId, ids.studentId);
  const replay = (api: APIRequestContext, origin: string) => api.post(action.url(), { headers: { ...headers, origin }, data: Buffer.from(selfPromotion, "latin1"), maxRedirects: 0 });

  for (const caller of ["anonymous", "student", "otherStudent"] as const) {
    await replay(ctx[caller], baseURL);
    expect(await roleOf(ctx.student), `${caller} replay`).toBe("student");
  }
  // The instructor's own cookie, but the request comes from a foreign page.
  const crossSite = await replay(ctx.instructor, "https://evil.example");
  expect(crossSite.status()).toBeGreaterThanOrEqual(400);
  expect(await roleOf(ctx.student)).toBe("student");
  await decoy.dispose();
});

test("instructor data never carries passwords or their hashes", async () => {
  for (const path of ["/api/instructor/roster", `/api/instructor/students/${ids.studentId}`, "/api/instructor/grades", "/api/auth/get-session"]) {
    const text = await (await ctx.instructor.get(path)).text();
    expect(text, path).not.toContain(PASSWORD);
    expect(text.toLowerCase(), path).not.toMatch(/"password"|passwordhash|"hash"/);
  }
});
