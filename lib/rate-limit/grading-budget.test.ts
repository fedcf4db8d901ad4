import { describe, expect, it } from "vitest";
import { createGradingBudget } from "./grading-budget";

describe("grading budget", () => {
  it("refuses a user whose gradings used up the budget, not others", async () => {
    const budget = createGradingBudget({ userMs: 1000, addressMs: 5000, windowSeconds: 60 });
    expect(await budget.check("u1", "10.0.0.1")).toEqual({ ok: true });
    await budget.charge("u1", "10.0.0.1", 600);
    expect((await budget.check("u1", "10.0.0.1")).ok).toBe(true);
    await budget.charge("u1", "10.0.0.1", 600);
    const refused = await budget.check("u1", "10.0.0.1");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await budget.check("u2", "10.0.0.1")).ok).toBe(true);
  });

  it("refuses every account behind an address that used up the address budget", async () => {
    const budget = createGradingBudget({ userMs: 1000, addressMs: 1500, windowSeconds: 60 });
    for (const user of ["a", "b", "c", "d"]) await budget.charge(user, "203.0.113.9", 400);
    expect((await budget.check("fresh-account", "203.0.113.9")).ok).toBe(false);
    expect((await budget.check("fresh-account", "198.51.100.1")).ok).toBe(true);
  });
});
