/**
 * Watches a worker process's resident memory while it runs student code.
 * Some allocations (e.g. `new Array(1e9).fill(0)`) happen inside one V8
 * builtin that isolated-vm's memory limit cannot interrupt; the process then
 * grows for seconds before V8 aborts it. Reading /proc lets the pool kill it
 * as soon as it passes a ceiling, so a memory bomb costs ~100 ms, not ~8 s.
 * On systems without /proc the watchdog does nothing (the deadline still holds).
 */
import { readFileSync } from "node:fs";

const PAGE_BYTES = 4096;

/** Resident set size of a process in MB, or null when it cannot be read. */
export function residentMb(pid: number): number | null {
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return Number.isFinite(resident) ? (resident * PAGE_BYTES) / (1024 * 1024) : null;
  } catch {
    return null;
  }
}

export interface Watchdog {
  stop(): void;
}

/** Calls `onExceeded` once if the process's RSS passes `limitMb`; checks every `intervalMs`. */
export function watchResidentMemory(pid: number, limitMb: number, onExceeded: (rssMb: number) => void, intervalMs = 20): Watchdog {
  const timer = setInterval(() => {
    const rss = residentMb(pid);
    if (rss !== null && rss > limitMb) {
      clearInterval(timer);
      onExceeded(rss);
    }
  }, intervalMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
