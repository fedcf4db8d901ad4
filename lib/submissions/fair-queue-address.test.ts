// Turns by address first, then by user within the address (fair-turns.ts), on a clock
// the test moves (no sleeps, no timing assertions): which grading starts next.
import { describe, expect, it } from "vitest";
import { FairQueue, type FairQueueOptions } from "./fair-queue";
import { TWO_WORKER_OPTIONS } from "./testing/fair-queue-options";

const options: FairQueueOptions = TWO_WORKER_OPTIONS;

const FLOODERS = Array.from({ length: 7 }, (_, i) => `flood${i + 1}`);
const ADDRESS_A = "203.0.113.66";
const ADDRESS_B = "198.51.100.20";

function harness(settings: FairQueueOptions = options) {
  const q = new FairQueue(settings, () => {}, () => 0);
  const started: string[] = [];
  const finishers = new Map<string, (costMs: number) => void>();
  const all: Promise<number>[] = [];
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return {
    started,
    /** A grading of `userId` from `address` that runs until `finish(label)`. */
    queue(userId: string, address: string, label: string) {
      all.push(
        q.run(
          { userId, address },
          () =>
            new Promise<number>((resolve) => {
              started.push(label);
              finishers.set(label, resolve);
            }),
          (cost) => cost,
        ),
      );
    },
    async finish(label: string, costMs = 20) {
      finishers.get(label)?.(costMs);
      finishers.delete(label);
      await flush();
    },
    /** With one grading at a time: finishes the running one `count` times; returns every start so far. */
    async finishInTurn(count: number) {
      for (let i = 0; i < count; i++) await this.finish(started.at(-1) as string);
      return started;
    },
    async drain() {
      while (finishers.size > 0) for (const label of [...finishers.keys()]) await this.finish(label);
      await Promise.all(all);
    },
  };
}

describe("FairQueue: turns by address, then by user", () => {
  it("seven accounts on one address do not crowd out a student elsewhere: the student is picked within the first 2 picks", async () => {
    const h = harness();
    // Two gradings of a third address hold both fast slots while everyone queues.
    h.queue("blocker1", "192.0.2.1", "blocker1");
    h.queue("blocker2", "192.0.2.2", "blocker2");
    for (const u of FLOODERS) for (let j = 1; j <= 3; j++) h.queue(u, ADDRESS_A, `${u}-${j}`);
    h.queue("honest", ADDRESS_B, "honest");
    expect(h.started).toEqual(["blocker1", "blocker2"]);

    await h.finish("blocker1");
    await h.finish("blocker2");
    const picks = h.started.slice(2);
    expect(picks).toHaveLength(2);
    expect(picks).toContain("honest");
    await h.drain();
  });

  it("the flooding address gets one turn for each of the student's, however many accounts it holds", async () => {
    const h = harness({ ...options, fast: 1, maxInFlight: 1 });
    h.queue("blocker", "192.0.2.1", "blocker");
    for (const u of FLOODERS) for (let j = 1; j <= 3; j++) h.queue(u, ADDRESS_A, `${u}-${j}`);
    for (let j = 1; j <= 3; j++) h.queue("honest", ADDRESS_B, `honest-${j}`);
    await h.finish("blocker");
    const order = (await h.finishInTurn(6)).slice(1, 7);
    // one grading at a time, each 20 ms: the two addresses alternate
    expect(order.map((label) => (label.startsWith("honest") ? "B" : "A"))).toEqual(["A", "B", "A", "B", "A", "B"]);
    await h.drain();
  });

  it("takes the users of one address in turn", async () => {
    const h = harness({ ...options, fast: 1, maxInFlight: 1 });
    h.queue("blocker", "192.0.2.1", "blocker");
    for (const u of ["x", "y", "z"]) for (let j = 1; j <= 2; j++) h.queue(u, ADDRESS_A, `${u}${j}`);
    await h.finish("blocker");
    expect((await h.finishInTurn(6)).slice(1)).toEqual(["x1", "y1", "z1", "x2", "y2", "z2"]);
    await h.drain();
  });

  it("keeps a user's retry without a known address in its address's group", async () => {
    const h = harness({ ...options, fast: 1, maxInFlight: 1 });
    h.queue("blocker", "192.0.2.1", "blocker");
    h.queue("flood1", ADDRESS_A, "flood1-a");
    h.queue("flood2", ADDRESS_A, "flood2-a");
    h.queue("flood2", "unknown", "flood2-retry");
    h.queue("honest", ADDRESS_B, "honest");
    await h.finish("blocker");
    // A, B, then A's second user (its retry counts with ADDRESS_A, not as a fresh group of its own)
    expect((await h.finishInTurn(4)).slice(1)).toEqual(["flood1-a", "honest", "flood2-a", "flood2-retry"]);
    await h.drain();
  });
});
