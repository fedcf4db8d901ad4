/**
 * How many gradings may start now, and how many worker processes to keep.
 *
 * `size` gradings run at once (one per core). A grading that has run longer
 * than `slowAfterMs` — an infinite loop waiting for its 1 s timeout, a memory
 * bomb V8 is choking on — stops counting against that limit, so honest
 * submissions queued behind it start on a spare worker and share the CPU
 * instead of waiting a second or more. The number of processes is bounded by
 * `maxWorkers`; when that allows growth beyond `size + spares`, idle surplus
 * workers are retired again.
 */
export interface CapacityOptions {
  size: number;
  spares: number;
  maxWorkers: number;
  slowAfterMs: number;
  /** a surplus worker is retired only after idling this long (spawning costs ~1 s of CPU) */
  retireAfterIdleMs: number;
}

export interface SlotState {
  busySinceMs: number | null;
  ready: boolean;
  /** when it last finished a job or became ready */
  idleSinceMs?: number;
}

/** Jobs still young enough to count as using a core. */
export function freshJobs(slots: Iterable<SlotState>, nowMs: number, o: CapacityOptions): number {
  let n = 0;
  for (const s of slots) if (s.busySinceMs !== null && nowMs - s.busySinceMs < o.slowAfterMs) n++;
  return n;
}

/** How many more gradings may start now. */
export function startableJobs(slots: SlotState[], nowMs: number, o: CapacityOptions): number {
  return Math.max(0, o.size - freshJobs(slots, nowMs, o));
}

/** How many workers to start so that `spares` idle ones exist (within maxWorkers). */
export function workersToSpawn(slots: SlotState[], o: CapacityOptions): number {
  const idle = slots.filter((s) => s.busySinceMs === null).length;
  const wanted = Math.max(o.spares - idle, o.size + o.spares - slots.length, 0);
  return Math.max(0, Math.min(wanted, o.maxWorkers - slots.length));
}

/** Whether a worker has idled long enough to be retired if it is surplus. */
export function longIdle(s: SlotState, nowMs: number, o: CapacityOptions): boolean {
  return s.busySinceMs === null && s.ready && (s.idleSinceMs === undefined || nowMs - s.idleSinceMs >= o.retireAfterIdleMs);
}

/** How many long-idle, ready workers are surplus and may be retired. */
export function workersToRetire(slots: SlotState[], o: CapacityOptions, nowMs = Number.POSITIVE_INFINITY): number {
  const idleReady = slots.filter((s) => s.busySinceMs === null && s.ready).length;
  const retirable = slots.filter((s) => longIdle(s, nowMs, o)).length;
  const surplus = slots.length - (o.size + o.spares);
  return Math.max(0, Math.min(surplus, idleReady - o.spares, retirable));
}

/** Milliseconds until the youngest running job turns slow (when a waiting job could start). */
export function msUntilNextSlow(slots: Iterable<SlotState>, nowMs: number, o: CapacityOptions): number | null {
  let soonest: number | null = null;
  for (const s of slots) {
    if (s.busySinceMs === null) continue;
    const left = s.busySinceMs + o.slowAfterMs - nowMs;
    if (left > 0 && (soonest === null || left < soonest)) soonest = left;
  }
  return soonest;
}
