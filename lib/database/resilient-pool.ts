/**
 * A node-postgres pool that rides out a PostgreSQL restart (failover,
 * upgrade, `pg_ctl restart`): while the server refuses connections or is
 * starting up, connecting is retried for up to DATABASE_RESTART_WAIT_MS
 * (default 15 s), and a statement that the server aborted because it was
 * shutting down (SQLSTATE 57P01/57P02/57P03: nothing of it was committed) is
 * sent again. Statements inside a transaction are not retried here (the
 * caller's transaction failed as a whole; the submit path repeats it, keyed
 * by clientRequestId).
 */
import pg from "pg";

const RESTART_CODES = new Set(["57P01", "57P02", "57P03", "ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

export function isDatabaseRestartError(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && RESTART_CODES.has(e.code)) return true;
    if (typeof e.message === "string" && /terminating connection due to administrator command|the database system is (starting up|shutting down)|ECONNREFUSED|Connection terminated|Can't reach database server|Server has closed the connection/i.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

function restartWaitMs(): number {
  const n = Number(process.env.DATABASE_RESTART_WAIT_MS);
  return Number.isFinite(n) && n >= 0 ? n : 15_000;
}

/** Runs `operation` again while the database restarts (only for operations that are safe to repeat). */
export async function retryWhileDatabaseRestarts<T>(operation: () => Promise<T>): Promise<T> {
  return retrying(operation);
}

async function retrying<T>(operation: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + restartWaitMs();
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await operation();
    } catch (e) {
      if (!isDatabaseRestartError(e) || Date.now() + delay > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export class ResilientPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (callback and promise forms) are passed through as they are
  override connect(...args: any[]): any {
    if (typeof args[0] === "function") return super.connect(args[0]);
    return retrying(() => super.connect());
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above
  override query(...args: any[]): any {
    if (args.some((a) => typeof a === "function")) return (super.query as (...a: unknown[]) => unknown)(...args);
    return retrying(() => (super.query as (...a: unknown[]) => Promise<unknown>)(...args));
  }
}
