import { describe, expect, it } from "vitest";
import { createAddressRequestLimit, createGradedRequestLimit } from "./address-limits";
import { createGradingBudget } from "./grading-budget";

describe("address limits", () => {
  it("counts requests per address and never limits an unknown address", async () => {
    const limit = createAddressRequestLimit("t-count", 2, 60, "saves");
    expect(await limit("10.0.0.1")).toBeNull();
    expect(await limit("10.0.0.1")).toBeNull();
    expect(await limit("10.0.0.1")).toMatchObject({ error: expect.stringMatching(/^Too many saves from your network/) });
    expect(await limit("10.0.0.2")).toBeNull();
    for (let i = 0; i < 5; i++) expect(await limit("unknown")).toBeNull();
  });

  it("refuses an address whose grading budget is spent, without using one of its request points", async () => {
    let spent = true;
    const budget = { checkAddress: async () => (spent ? { ok: false as const, retryAfterSeconds: 7 } : { ok: true as const }) };
    const limit = createGradedRequestLimit(createAddressRequestLimit("t-graded", 1, 60, "runs"), () => budget as never);
    expect(await limit("10.0.0.3")).toEqual({ retryAfterSeconds: 7, error: expect.stringMatching(/grading time/) });
    spent = false;
    expect(await limit("10.0.0.3")).toBeNull(); // its one point was still there
    expect(await limit("10.0.0.3")).toMatchObject({ error: expect.stringMatching(/^Too many runs/) });
  });

  it("reads the address's part of the real grading budget", async () => {
    const budget = createGradingBudget({ userMs: 1000, addressMs: 1000, windowSeconds: 60 });
    const limit = createGradedRequestLimit(createAddressRequestLimit("t-real", 100, 60, "runs"), () => budget);
    await budget.charge("a", "10.0.0.8", 1500);
    expect((await limit("10.0.0.8"))?.error).toMatch(/grading time/);
    await budget.charge("b", "10.0.0.9", 900);
    expect(await limit("10.0.0.9")).toBeNull();
  });
});
