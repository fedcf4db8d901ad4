import { describe, expect, it } from "vitest";
import { createSubmissionLimiter } from "./submission-limiter";

describe("submission limiter", () => {
  it("allows the configured number of requests per user, then asks to retry later", async () => {
    const limiter = createSubmissionLimiter(3, 60);
    for (let i = 0; i < 3; i++) expect(await limiter.consume("alice")).toEqual({ ok: true });
    const blocked = await limiter.consume("alice");
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it("counts each user separately", async () => {
    const limiter = createSubmissionLimiter(1, 60);
    expect(await limiter.consume("alice")).toEqual({ ok: true });
    expect((await limiter.consume("alice")).ok).toBe(false);
    expect(await limiter.consume("bob")).toEqual({ ok: true });
  });
});
