// Web replicas share their limits on PostgreSQL: two limiter instances (as two
// processes would create) count against the same row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

const testDb = createTestDatabase("limiter-store");

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
}, 120_000);

afterAll(() => testDb.cleanup());

describe("rate limits on PostgreSQL", () => {
  it("two replicas' limiters share one budget", async () => {
    const { createSubmissionLimiter } = await import("./submission-limiter");
    const replicaA = createSubmissionLimiter(3, 60);
    const replicaB = createSubmissionLimiter(3, 60);
    expect(await replicaA.consume("alice")).toEqual({ ok: true });
    expect(await replicaB.consume("alice")).toEqual({ ok: true });
    expect(await replicaA.consume("alice")).toEqual({ ok: true });
    const refused = await replicaB.consume("alice");
    expect(refused.ok).toBe(false);
    expect(await replicaB.consume("bob")).toEqual({ ok: true });
  });
});
