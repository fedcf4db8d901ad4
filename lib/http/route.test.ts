import { NextResponse } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

const getSession = vi.fn(async ({ headers }: { headers: Headers }) => {
  const role = headers.get("x-test-role");
  return role ? { user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role } } : null;
});
vi.mock("@/lib/auth/auth", () => ({ auth: { api: { getSession } } }));

const { route } = await import("./route");
const { HttpError } = await import("./http-error");

const request = (method: string, headers: Record<string, string> = {}, body?: string) =>
  new Request("http://localhost:3000/api/x?page=2", { method, headers: { host: "localhost:3000", ...headers }, body });
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const ok = route({ access: "signed-in" }, async ({ user }) => NextResponse.json({ id: user.id }));

describe("route wrapper", () => {
  it("refuses a cross-origin write with 403 before it looks at the session", async () => {
    getSession.mockClear();
    const response = await ok(request("POST", { origin: "https://evil.example", "x-test-role": "student" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-origin request refused." });
    expect(getSession).not.toHaveBeenCalled();
  });

  it("answers a per-address refusal with 429 + Retry-After before it looks at the session, and passes the address on", async () => {
    vi.stubEnv("BATCHNORM_EDGE_SERVER", "1");
    const seen: string[] = [];
    const byAddress = async (address: string) => {
      seen.push(address);
      return address === "203.0.113.1" ? { retryAfterSeconds: 9, error: "Too many." } : null;
    };
    const limited = route({ access: "signed-in", byAddress }, async ({ address }) => NextResponse.json({ address }));
    getSession.mockClear();
    const refused = await limited(request("POST", { origin: "http://localhost:3000", "x-test-role": "student", "x-batchnorm-client-address": "203.0.113.1" }));
    expect([refused.status, refused.headers.get("Retry-After"), await refused.json()]).toEqual([429, "9", { error: "Too many.", code: "rate-limited" }]);
    expect(getSession).not.toHaveBeenCalled();
    const passed = await limited(request("POST", { origin: "http://localhost:3000", "x-test-role": "student", "x-batchnorm-client-address": "198.51.100.2" }));
    expect(await passed.json()).toEqual({ address: "198.51.100.2" });
    expect(seen).toEqual(["203.0.113.1", "198.51.100.2"]);
    vi.unstubAllEnvs();
  });

  it("lets reads and same-origin writes through to the handler with the caller", async () => {
    expect(await (await ok(request("GET", { origin: "https://evil.example", "x-test-role": "student" }))).json()).toEqual({ id: "u-student" });
    expect((await ok(request("POST", { origin: "http://localhost:3000", "x-test-role": "student" }))).status).toBe(200);
  });

  it("answers 401 without a session and 403 for a student on an instructor route; public routes need neither", async () => {
    expect((await ok(request("GET"))).status).toBe(401);
    const instructorOnly = route({ access: "instructor" }, async () => NextResponse.json({}));
    expect((await instructorOnly(request("GET", { "x-test-role": "student" }))).status).toBe(403);
    expect((await instructorOnly(request("GET", { "x-test-role": "instructor" }))).status).toBe(200);
    const open = route({ access: "public" }, async ({ user }) => NextResponse.json({ user: user ?? null }));
    expect(await (await open(request("GET"))).json()).toEqual({ user: null });
  });

  it("validates params and query with the route's schemas and answers its own invalid response", async () => {
    const byId = route(
      { access: "signed-in", params: z.object({ id: z.string().regex(/^[a-z]+$/) }), query: z.object({ page: z.string() }), invalid: { status: 404, error: "Unknown." } },
      async ({ params, query }) => NextResponse.json({ id: params.id, page: query.page }),
    );
    const student = { "x-test-role": "student" };
    expect(await (await byId(request("GET", student), context({ id: "abc" }))).json()).toEqual({ id: "abc", page: "2" });
    const bad = await byId(request("GET", student), context({ id: "../x" }));
    expect([bad.status, await bad.json()]).toEqual([404, { error: "Unknown." }]);
  });

  it("turns thrown errors into responses: HttpError with its status and Retry-After, ZodError as 400, others rethrown", async () => {
    const student = { "x-test-role": "student" };
    const throwing = (error: unknown) => route({ access: "signed-in" }, async () => Promise.reject(error));
    const busy = await throwing(new HttpError(503, "busy", "Busy.", { retryAfterSeconds: 3, submissionId: "s1" }))(request("GET", student));
    expect([busy.status, busy.headers.get("Retry-After"), await busy.json()]).toEqual([503, "3", { error: "Busy.", code: "busy", id: "s1", status: "queued" }]);
    const zod = z.object({ index: z.number() }).safeParse({ index: "x" });
    const invalid = await throwing(zod.error)(request("GET", student));
    expect([invalid.status, (await invalid.json()).error]).toEqual([400, expect.stringMatching(/^index: /)]);
    await expect(throwing(new TypeError("bug"))(request("GET", student))).rejects.toThrow("bug");
  });

  it("reads the JSON body on demand: 400 when it is not JSON, 413 past the cap", async () => {
    const echo = route({ access: "signed-in" }, async ({ json }) => NextResponse.json({ body: await json() }));
    const student = { "x-test-role": "student", "content-type": "application/json" };
    expect(await (await echo(request("POST", student, '{"a":1}'))).json()).toEqual({ body: { a: 1 } });
    expect((await echo(request("POST", student, "{not json"))).status).toBe(400);
    expect((await echo(request("POST", student, JSON.stringify({ code: "x".repeat(300 * 1024) })))).status).toBe(413);
  });
});
