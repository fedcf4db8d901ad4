import { describe, expect, it, vi } from "vitest";
import { createSignInThrottle, DEFAULT_THROTTLE } from "./sign-in-throttle";

const settings = { ...DEFAULT_THROTTLE, freeFailures: 3, accountFailures: 10 };

describe("sign-in throttle", () => {
  it("lets the first failures through, then blocks with growing waits capped at the maximum", async () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 3; i++) {
      expect((await throttle.check("a@x.org", "1.1.1.1")).ok).toBe(true);
      await throttle.recordFailure("a@x.org", "1.1.1.1");
    }
    expect((await throttle.check("a@x.org", "1.1.1.1")).ok).toBe(true);
    await throttle.recordFailure("A@x.org ", "1.1.1.1"); // 4th: 5 s
    expect(await throttle.check("a@x.org", "1.1.1.1")).toEqual({ ok: false, retryAfterSeconds: 5 });
    await throttle.recordFailure("a@x.org", "1.1.1.1"); // 5th: 10 s
    expect(await throttle.check("a@x.org", "1.1.1.1")).toEqual({ ok: false, retryAfterSeconds: 10 });
    for (let i = 0; i < 20; i++) await throttle.recordFailure("a@x.org", "1.1.1.1");
    const capped = await throttle.check("a@x.org", "1.1.1.1");
    expect(capped.ok).toBe(false);
    if (!capped.ok) expect(capped.retryAfterSeconds).toBeLessThanOrEqual(DEFAULT_THROTTLE.maxBlockSeconds);
  });

  it("does not block the same account from another address, nor other accounts", async () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 6; i++) await throttle.recordFailure("a@x.org", "1.1.1.1");
    expect((await throttle.check("a@x.org", "1.1.1.1")).ok).toBe(false);
    expect((await throttle.check("a@x.org", "2.2.2.2")).ok).toBe(true);
    expect((await throttle.check("b@x.org", "1.1.1.1")).ok).toBe(true);
  });

  it("closes a flooded account to new addresses but not to addresses its owner signed in from", async () => {
    const throttle = createSignInThrottle(settings);
    await throttle.recordSuccess("victim@x.org", "10.0.0.1");
    for (let i = 0; i < 11; i++) await throttle.recordFailure("victim@x.org", `203.0.113.${i}`);
    expect((await throttle.check("victim@x.org", "198.51.100.7")).ok).toBe(false);
    expect((await throttle.check("victim@x.org", "10.0.0.1")).ok).toBe(true);
  });

  it("a success clears the address's failures", async () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 4; i++) await throttle.recordFailure("a@x.org", "1.1.1.1");
    await throttle.recordSuccess("a@x.org", "1.1.1.1");
    expect((await throttle.check("a@x.org", "1.1.1.1")).ok).toBe(true);
  });

  it("the account lock ends after its block time", async () => {
    vi.useFakeTimers();
    try {
      const throttle = createSignInThrottle({ ...settings, accountBlockSeconds: 60 });
      for (let i = 0; i < 11; i++) await throttle.recordFailure("v@x.org", `203.0.113.${i}`);
      expect((await throttle.check("v@x.org", "198.51.100.7")).ok).toBe(false);
      vi.advanceTimersByTime(61_000);
      expect((await throttle.check("v@x.org", "198.51.100.7")).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
