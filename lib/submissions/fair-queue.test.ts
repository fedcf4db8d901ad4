import { describe, expect, it } from "vitest";
import { FairQueue, type FairQueueOptions } from "./fair-queue";

const options: FairQueueOptions = {
  perUser: 1,
  fast: 1,
  maxInFlight: 3,
  maxHeavy: 2,
  slowAfterMs: 50,
  heavyAfterMs: 200,
  // the timed tests below predate the relative and prior rules of "heavy" (tested with a clock of their own further down)
  heavyFactor: 0,
  priorGradings: 0,
  halfLifeMs: 30_000,
  maxWaiting: 100,
  maxWaitingPerUser: 50,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records the order jobs start in; each job takes `ms`. */
function recorder() {
  const started: string[] = [];
  const job = (label: string, ms: number) => async () => {
    started.push(label);
    await sleep(ms);
    return label;
  };
  return { started, job };
}

describe("FairQueue", () => {
  it("takes users in turn, not in arrival order", async () => {
    const q = new FairQueue(options);
    const { started, job } = recorder();
    const all = [
      ...[1, 2, 3].map((i) => q.run({ userId: "flood" }, job(`flood${i}`, 5))),
      q.run({ userId: "alice" }, job("alice1", 5)),
      q.run({ userId: "bob" }, job("bob1", 5)),
    ];
    await Promise.all(all);
    // flood1 starts at once; then alice and bob before flood's 2nd and 3rd.
    expect(started.slice(0, 3)).toEqual(["flood1", "alice1", "bob1"]);
    expect(started).toHaveLength(5);
  });

  it("starts a background (regrade) grading only when no student waits, one at a time, on an idle core", async () => {
    const q = new FairQueue({ ...options, fast: 2, maxInFlight: 4, perUser: 4 });
    const { started, job } = recorder();
    const all = [
      q.run({ userId: "alice" }, job("alice1", 20)),
      q.run({ userId: "alice" }, job("alice2", 20)),
      // queued while both fast slots are busy: must wait although it arrived before bob
      ...[1, 2].map((i) => q.run({ userId: "regrade:job", background: true }, job(`regrade${i}`, 5))),
      q.run({ userId: "bob" }, job("bob1", 5)),
    ];
    await Promise.all(all);
    expect(started.indexOf("bob1")).toBeLessThan(started.indexOf("regrade1"));
    expect(started.indexOf("regrade1")).toBeLessThan(started.indexOf("regrade2"));
    expect(started).toHaveLength(5);
  });

  it("never runs two background gradings at once", async () => {
    const q = new FairQueue({ ...options, fast: 4, maxInFlight: 4, perUser: 4 });
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(5);
      running--;
    };
    await Promise.all(Array.from({ length: 4 }, () => q.run({ userId: "regrade:job", background: true }, job)));
    expect(peak).toBe(1);
  });

  it("runs at most perUser gradings of one user at once", async () => {
    const q = new FairQueue({ ...options, fast: 4, maxInFlight: 4 });
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(10);
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => q.run({ userId: "u" }, job)));
    expect(peak).toBe(1);
  });

  it("puts a user with slow gradings behind users with fast ones, whatever the arrival order", async () => {
    const q = new FairQueue(options);
    const { started, job } = recorder();
    await q.run({ userId: "slow" }, job("slow-warm", 250)); // slow user now has ~250 ms of usage
    const pending = [q.run({ userId: "fast" }, job("fast-warm", 5))];
    await Promise.all(pending);
    const blocker = q.run({ userId: "other" }, job("blocker", 20));
    const queued = [q.run({ userId: "slow" }, job("slow2", 5)), q.run({ userId: "fast" }, job("fast2", 5))];
    await Promise.all([blocker, ...queued]);
    expect(started.indexOf("fast2")).toBeLessThan(started.indexOf("slow2"));
  });

  it("lets fast gradings start while slow ones run, and keeps slots for light users when heavy users fill up", async () => {
    const q = new FairQueue({ ...options, fast: 1, maxInFlight: 3 });
    const { started, job } = recorder();
    // Three heavy users each start a long grading.
    for (const u of ["h1", "h2", "h3"]) await q.run({ userId: u }, job(`${u}-warm`, 220));
    const heavy = ["h1", "h2", "h3"].map((u) => q.run({ userId: u }, job(`${u}-long`, 300)));
    await sleep(120); // the heavy gradings that started have turned slow
    const t0 = performance.now();
    await q.run({ userId: "light" }, job("light", 5));
    const waited = performance.now() - t0;
    // At most maxHeavy = 2 heavy gradings run at once, so a slot stays free.
    expect(waited).toBeLessThan(150);
    await Promise.all(heavy);
    expect(started).toContain("h3-long");
  });

  it("a user with many fast gradings is not heavy: it starts while heavy users fill their slots", async () => {
    const q = new FairQueue({ ...options, fast: 1, maxInFlight: 4, maxHeavy: 1, heavyAfterMs: 100 });
    const { job } = recorder();
    for (let i = 0; i < 12; i++) await q.run({ userId: "busy-student" }, job(`s${i}`, 20)); // 240 ms of usage, 20 ms each
    await q.run({ userId: "spinner" }, job("spin-warm", 150));
    const spinning = q.run({ userId: "spinner" }, job("spin", 400));
    await sleep(80); // the spinner's grading is now slow and holds the only heavy slot
    const t0 = performance.now();
    await q.run({ userId: "busy-student" }, job("s-last", 5));
    expect(performance.now() - t0).toBeLessThan(150);
    await spinning;
  });

  it("refuses with GraderBusyError when one user has too many waiting", async () => {
    const q = new FairQueue({ ...options, maxWaitingPerUser: 2 });
    const { job } = recorder();
    const ok = [q.run({ userId: "u" }, job("a", 30)), q.run({ userId: "u" }, job("b", 1)), q.run({ userId: "u" }, job("c", 1))];
    await expect(q.run({ userId: "u" }, job("d", 1))).rejects.toThrow(/waiting/);
    await Promise.all(ok);
  });

  it("reports each grading's time to the budget callback and passes errors through", async () => {
    const charged: [string, number][] = [];
    const q = new FairQueue(options, (owner, ms) => charged.push([owner.userId, ms]));
    await q.run({ userId: "u", address: "10.0.0.1" }, async () => sleep(20));
    await expect(q.run({ userId: "u" }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(charged).toHaveLength(2);
    expect(charged[0][1]).toBeGreaterThanOrEqual(15);
  });

  it("charges the cost the job reports (its own run time) instead of the wall time when given", async () => {
    const charged: number[] = [];
    const q = new FairQueue(options, (_owner, ms) => charged.push(ms));
    await q.run({ userId: "u" }, async () => {
      await sleep(30); // e.g. waiting for a worker to start
      return { runMs: 4 };
    }, (r) => r.runMs);
    await sleep(0); // the charge is booked right after the result is handed over
    expect(charged).toEqual([4]);
  });
});
