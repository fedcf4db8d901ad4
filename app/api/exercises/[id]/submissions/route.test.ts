// Run/Submit over the address's limits: refused with 429 before the session is
// looked up (no database query) and before createSubmission is reached.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER, EDGE_MARKER_ENV } from "@/lib/security/client-address";

const getSession = vi.fn(async () => ({ user: { id: "u-student", email: "s@example.com", name: "S", role: "student" } }));
vi.mock("@/lib/auth/auth", () => ({ auth: { api: { getSession } } }));
const createSubmission = vi.fn(async () => ({ id: "s1", status: "graded" }));
vi.mock("@/lib/submissions/create-submission", () => ({ createSubmission }));
vi.mock("@/lib/submissions/get-submission", () => ({ listSubmissionHistory: vi.fn(async () => []) }));

vi.stubEnv(EDGE_MARKER_ENV, "1");
vi.stubEnv("SUBMISSION_ADDRESS_RATE_LIMIT_POINTS", "3");
const { POST } = await import("./route");
const { gradingBudget } = await import("@/lib/rate-limit/grading-budget");
afterAll(() => vi.unstubAllEnvs());

const submit = (address: string) =>
  POST(
    new Request("http://localhost:3000/api/exercises/batchnorm-forward/submissions", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: address },
      body: JSON.stringify({ code: "x", language: "typescript", mode: "run", clientRequestId: crypto.randomUUID() }),
    }),
    { params: Promise.resolve({ id: "batchnorm-forward" }) },
  );

describe("POST /api/exercises/<id>/submissions over the address's limits", () => {
  beforeEach(() => {
    getSession.mockClear();
    createSubmission.mockClear();
  });

  it("answers 429 to the request past the address's count without looking up the session", async () => {
    for (let i = 0; i < 3; i++) expect((await submit("203.0.113.5")).status).toBe(200);
    expect(getSession).toHaveBeenCalledTimes(3);

    const refused = await submit("203.0.113.5");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: "rate-limited", error: expect.stringMatching(/from your network/) });
    expect(getSession).toHaveBeenCalledTimes(3);
    expect(createSubmission).toHaveBeenCalledTimes(3);

    // another address is not affected
    expect((await submit("198.51.100.7")).status).toBe(200);
  });

  it("answers 429 when the address used up its grading time, before the session and without using a request point", async () => {
    await gradingBudget().charge("someone-else", "203.0.113.9", 10 * 60_000);
    const refused = await submit("203.0.113.9");
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/grading time/);
    expect(getSession).not.toHaveBeenCalled();
    expect(createSubmission).not.toHaveBeenCalled();
  });

  it("still authenticates a request the address's limits let through", async () => {
    getSession.mockResolvedValueOnce(null as never);
    expect((await submit("192.0.2.44")).status).toBe(401);
    expect(createSubmission).not.toHaveBeenCalled();
  });
});
