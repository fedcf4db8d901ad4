// Decisions of the fair queue under abuse, on a clock the test moves (no sleeps, no timing assertions):
// which grading starts, and which waits.
import { describe, expect, it } from "vitest";
import { FairQueue, type FairQueueOptions } from "./fair-queue";
import { TWO_WORKER_OPTIONS } from "./testing/fair-queue-options";

const options: FairQueueOptions = TWO_WORKER_OPTIONS;

function harness() {
  let now = 0;
  const q = new FairQueue(options, () => {}, () => now);
  const started: string[] = [];
  const finishers = new Map<string, (costMs: number) => void>();
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return {
    q,
    started,
    advance: (ms: number) => {
      now += ms;
    },
    /** A grading that runs until `finish(label, cost)`. */
    start(userId: string, label: string): Promise<number> {
      return q.run(
        { userId },
        () =>
          new Promise<number>((resolve) => {
            started.push(label);
            finishers.set(label, resolve);
          }),
        (cost) => cost,
      );
    },
    async finish(label: string, costMs: number) {
      finishers.get(label)?.(costMs);
      await flush();
    },
    /** Past gradings of `userId` that cost `costMs` each (done at once; the clock does not move). */
    async history(userId: string, costMs: number, times: number) {
      for (let i = 0; i < times; i++) await q.run({ userId }, async () => costMs, (cost) => cost);
    },
    flush,
  };
}

describe("FairQueue: who counts as heavy", () => {
  it("on a loaded machine (every grading ~1 s) an honest student is not heavy and starts while two abusers hold the heavy slots", async () => {
    const h = harness();
    for (let i = 0; i < 20; i++) await h.history(`student${i}`, 1000, 2);
    await h.history("alice", 1200, 3);
    await h.history("abuser1", 5000, 3);
    await h.history("abuser2", 5000, 3);
    const spins = [h.start("abuser1", "spin1"), h.start("abuser2", "spin2")];
    await h.flush();
    h.advance(100); // both spins have turned slow: the heavy slots are full
    const honest = h.start("alice", "alice");
    await h.flush();
    expect(h.started).toEqual(["spin1", "spin2", "alice"]);
    await h.finish("alice", 1100);
    await h.finish("spin1", 5000);
    await h.finish("spin2", 5000);
    await Promise.all([honest, ...spins]);
  });

  it("one slow first grading (a cold worker) does not make a student heavy", async () => {
    const h = harness();
    for (let i = 0; i < 20; i++) await h.history(`student${i}`, 30, 2);
    await h.history("bob", 900, 1);
    await h.history("abuser1", 5000, 3);
    await h.history("abuser2", 5000, 3);
    const spins = [h.start("abuser1", "spin1"), h.start("abuser2", "spin2")];
    await h.flush();
    h.advance(100);
    const honest = h.start("bob", "bob");
    await h.flush();
    expect(h.started).toContain("bob");
    await h.finish("bob", 30);
    await h.finish("spin1", 5000);
    await h.finish("spin2", 5000);
    await Promise.all([honest, ...spins]);
  });

  it("an abuser stays heavy on a loaded machine: a third spinner waits for a heavy slot and goes after the honest student", async () => {
    const h = harness();
    for (let i = 0; i < 20; i++) await h.history(`student${i}`, 1000, 2);
    for (const a of ["abuser1", "abuser2", "abuser3"]) await h.history(a, 5000, 3);
    const spins = [h.start("abuser1", "spin1"), h.start("abuser2", "spin2")];
    await h.flush();
    h.advance(100);
    const third = h.start("abuser3", "spin3");
    const honest = h.start("student0", "honest");
    await h.flush();
    expect(h.started).toEqual(["spin1", "spin2", "honest"]);
    await h.finish("spin1", 5000); // a heavy slot frees: now the third spinner
    expect(h.started).toEqual(["spin1", "spin2", "honest", "spin3"]);
    for (const label of ["honest", "spin2", "spin3"]) await h.finish(label, 1000);
    await Promise.all([third, honest, ...spins]);
  });

  it("a heavy student waiting for a heavy slot goes before abusers who used more", async () => {
    const h = harness();
    for (let i = 0; i < 20; i++) await h.history(`student${i}`, 30, 2);
    await h.history("looper", 2000, 2); // an honest infinite loop or two: heavy, but far less usage than the abusers
    for (const a of ["abuser1", "abuser2", "abuser3"]) await h.history(a, 5000, 6);
    const spins = [h.start("abuser1", "spin1"), h.start("abuser2", "spin2")];
    await h.flush();
    h.advance(100);
    const waiting = [h.start("abuser3", "spin3"), h.start("looper", "loop")];
    await h.flush();
    expect(h.started).toEqual(["spin1", "spin2"]);
    await h.finish("spin1", 5000);
    expect(h.started.at(-1)).toBe("loop");
    for (const label of ["spin2", "loop", "spin3"]) await h.finish(label, 5000);
    await Promise.all([...spins, ...waiting]);
  });
});
