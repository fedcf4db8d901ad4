import { describe, expect, it } from "vitest";
import { residentMb, watchResidentMemory } from "./rss-watchdog";

describe("rss watchdog", () => {
  it("reads this process's resident memory", () => {
    const rss = residentMb(process.pid);
    expect(rss).not.toBeNull();
    expect(rss as number).toBeGreaterThan(1);
    expect(Math.abs((rss as number) - process.memoryUsage().rss / 2 ** 20)).toBeLessThan(64);
  });

  it("returns null for a process that does not exist", () => {
    expect(residentMb(2 ** 22 + 12345)).toBeNull();
  });

  it("fires once when the limit is passed, and never after stop()", async () => {
    const fired: number[] = [];
    await new Promise<void>((resolve) => {
      watchResidentMemory(process.pid, 1, (rss) => {
        fired.push(rss);
        resolve();
      }, 5);
    });
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThan(1);

    let late = 0;
    const dog = watchResidentMemory(process.pid, 1, () => late++, 5);
    dog.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(late).toBe(0);
  });
});
