/**
 * Fault injection during a load run. Each fault repeats on an interval until
 * stopped and counts how often it struck. Only processes below our own
 * server (and our own SQLite file) are touched.
 */
import Database from "better-sqlite3";
import { graderWorkers } from "./process-tree";
import type { ManagedServer } from "./server";

export interface Fault {
  name: string;
  strikes: number;
  stop(): Promise<void>;
}

function every(ms: number, strike: () => Promise<void> | void): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    current = current.then(strike).catch((e) => console.error("fault failed:", e));
  }, ms);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}

/** SIGKILL one grading worker of our server every `intervalMs` (the pool must replace it; its job must still end). */
export function killWorkers(server: ManagedServer, intervalMs = 1500): Fault {
  const fault: Fault = { name: "kill-workers", strikes: 0, stop: async () => {} };
  const loop = every(intervalMs, () => {
    if (!server.running) return; // mid-restart
    const workers = graderWorkers(server.pid);
    const victim = workers[Math.floor(Math.random() * workers.length)];
    if (!victim) return;
    try {
      process.kill(victim.pid, "SIGKILL");
      fault.strikes++;
    } catch {
      // it exited by itself meanwhile
    }
  });
  fault.stop = loop.stop;
  return fault;
}

/** Kill the whole server (SIGKILL) and start it again every `intervalMs`. */
export function restartServer(server: ManagedServer, intervalMs = 20_000): Fault {
  const fault: Fault = { name: "restart-server", strikes: 0, stop: async () => {} };
  const loop = every(intervalMs, async () => {
    fault.strikes++;
    await server.restart();
  });
  fault.stop = loop.stop;
  return fault;
}

/**
 * Holds SQLite's write lock from another connection (BEGIN IMMEDIATE … COMMIT)
 * for `holdMs` every `intervalMs`: the server's result writes must wait (its
 * busy timeout is 5 s) and still land exactly once.
 */
export function slowDatabase(databaseFile: string, holdMs = 1500, intervalMs = 3000): Fault {
  const sqlite = new Database(databaseFile, { timeout: 10_000 });
  const fault: Fault = { name: "slow-db", strikes: 0, stop: async () => {} };
  const loop = every(intervalMs, async () => {
    sqlite.exec("BEGIN IMMEDIATE");
    fault.strikes++;
    try {
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    } finally {
      sqlite.exec("COMMIT");
    }
  });
  fault.stop = async () => {
    await loop.stop();
    sqlite.close();
  };
  return fault;
}
