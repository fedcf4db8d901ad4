import { describe, expect, it } from "vitest";
import { msUntilNextSlow, startableJobs, workersToRetire, workersToSpawn } from "./pool-capacity";

const o = { size: 2, spares: 1, maxWorkers: 6, slowAfterMs: 150, retireAfterIdleMs: 30_000 };
const idle = (ready = true) => ({ busySinceMs: null, ready });
const busy = (since: number) => ({ busySinceMs: since, ready: true });

describe("pool capacity", () => {
  it("starts at most `size` fresh jobs", () => {
    expect(startableJobs([idle(), idle(), idle()], 1000, o)).toBe(2);
    expect(startableJobs([busy(990), idle(), idle()], 1000, o)).toBe(1);
    expect(startableJobs([busy(990), busy(995), idle()], 1000, o)).toBe(0);
  });

  it("stops counting a job once it has run longer than slowAfterMs", () => {
    // Two infinite loops running for 500 ms do not block a third grading.
    expect(startableJobs([busy(500), busy(600), idle()], 1000, o)).toBe(2);
    expect(msUntilNextSlow([busy(900), busy(950), idle()], 1000, o)).toBe(50);
    expect(msUntilNextSlow([idle()], 1000, o)).toBeNull();
  });

  it("keeps one spare idle worker, within maxWorkers", () => {
    expect(workersToSpawn([], o)).toBe(3);
    expect(workersToSpawn([busy(0), busy(0), idle()], o)).toBe(0);
    expect(workersToSpawn([busy(0), busy(0), busy(0)], o)).toBe(1);
    expect(workersToSpawn([busy(0), busy(0), busy(0), busy(0), busy(0), busy(0)], o)).toBe(0);
    expect(workersToSpawn([busy(0), idle()], o)).toBe(1); // back to size + spares after a crash
  });

  it("retires a surplus worker only after it idled for retireAfterIdleMs", () => {
    const recent = { busySinceMs: null, ready: true, idleSinceMs: 90_000 };
    const old = { busySinceMs: null, ready: true, idleSinceMs: 10_000 };
    expect(workersToRetire([recent, recent, recent, recent], o, 100_000)).toBe(0);
    expect(workersToRetire([old, recent, recent, recent], o, 100_000)).toBe(1);
  });

  it("retires surplus idle workers down to size + spares", () => {
    expect(workersToRetire([idle(), idle(), idle(), idle(), idle()], o)).toBe(2);
    expect(workersToRetire([busy(0), idle(), idle(), idle()], o)).toBe(1);
    expect(workersToRetire([busy(0), busy(0), busy(0), idle()], o)).toBe(0);
    expect(workersToRetire([idle(false), idle(false), idle()], o)).toBe(0); // starting workers are not retired
    expect(workersToRetire([idle(false), idle(false), idle(), idle()], o)).toBe(1);
  });
});
