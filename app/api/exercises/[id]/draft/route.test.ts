// Autosave over the address's limit: 429 before the session is looked up and before the draft is written.
import { afterAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER, EDGE_MARKER_ENV } from "@/lib/security/client-address";

const getSession = vi.fn(async () => ({ user: { id: "u-student", email: "s@example.com", name: "S", role: "student" } }));
vi.mock("@/lib/auth/auth", () => ({ auth: { api: { getSession } } }));
const saveDraft = vi.fn(async () => ({ code: "x", language: "typescript", updatedAt: new Date(0).toISOString() }));
vi.mock("@/lib/drafts/drafts", () => ({ saveDraft, getDraft: vi.fn(async () => null) }));

vi.stubEnv(EDGE_MARKER_ENV, "1");
vi.stubEnv("AUTOSAVE_ADDRESS_RATE_LIMIT_POINTS", "2");
const { PUT } = await import("./route");
afterAll(() => vi.unstubAllEnvs());

const save = (address: string) =>
  PUT(
    new Request("http://localhost:3000/api/exercises/batchnorm-forward/draft", {
      method: "PUT",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: address },
      body: JSON.stringify({ code: "x", language: "typescript" }),
    }),
    { params: Promise.resolve({ id: "batchnorm-forward" }) },
  );

describe("PUT /api/exercises/<id>/draft over the address's limit", () => {
  it("answers 429 without looking up the session or saving", async () => {
    for (let i = 0; i < 2; i++) expect((await save("203.0.113.20")).status).toBe(200);
    const refused = await save("203.0.113.20");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBeTruthy();
    expect(getSession).toHaveBeenCalledTimes(2);
    expect(saveDraft).toHaveBeenCalledTimes(2);
  });
});
