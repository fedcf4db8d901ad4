import { describe, expect, it } from "vitest";
import { createAutosaveLimiter } from "./autosave-limiter";

describe("autosave limiter", () => {
  it("allows the configured number of saves per user, then answers with a wait", async () => {
    const limiter = createAutosaveLimiter(3, 60);
    for (let i = 0; i < 3; i++) expect(await limiter.consume("u1")).toEqual({ ok: true });
    const refused = await limiter.consume("u1");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await limiter.consume("u2")).toEqual({ ok: true });
  });
});
