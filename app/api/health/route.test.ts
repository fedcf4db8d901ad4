import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/scripts/prepare-database";

async function healthWith(databaseUrl: string) {
  vi.resetModules();
  delete (globalThis as { batchnormDb?: unknown }).batchnormDb;
  vi.stubEnv("DATABASE_URL", databaseUrl);
  const { GET } = await import("./route");
  const response = await GET(new Request("http://localhost/api/health"));
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers 200 with db ok when the database answers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "health-"));
    const url = `file:${path.join(dir, "ok.db")}`;
    vi.stubEnv("DATABASE_URL", url);
    prepareDatabase();
    expect(await healthWith(url)).toEqual({ status: 200, body: { ok: true, db: "ok" } });
  });

  it("answers 503 when the database cannot be opened", async () => {
    const result = await healthWith("file:/proc/no-such-dir/unreachable.db");
    expect(result.status).toBe(503);
    expect(result.body).toEqual({ ok: false, db: "unavailable" });
  });
});
