/**
 * Web replica side: waits for a submission's grading to finish by
 * notification, not by polling the table. One LISTEN connection per process
 * (channel GRADED_CHANNEL; grader hosts NOTIFY in the transaction that stores
 * the report, so the notification arrives only once the report is readable).
 *
 * No gap: a waiter is registered before its one status read, so a grading
 * that finishes in between is seen either by that read or by the
 * notification. When the connection drops (PostgreSQL restarted) it is opened
 * again and the waiters re-read their status once, since notifications sent
 * while it was down are lost.
 */
import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { GRADED_CHANNEL } from "./grading-job";

type Waiter = () => void;

class GradedNotifications {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  /** Resolves true once the submission is graded (or failed for good), false after `timeoutMs`. */
  async waitFor(id: string, timeoutMs: number): Promise<boolean> {
    let resolveDone!: (done: boolean) => void;
    const done = new Promise<boolean>((resolve) => {
      resolveDone = resolve;
    });
    const waiter = () => resolveDone(true);
    this.add(id, waiter);
    const timer = setTimeout(() => resolveDone(false), timeoutMs);
    try {
      await this.listen();
      if (await isFinished(id)) return true;
      return await done;
    } finally {
      clearTimeout(timer);
      this.remove(id, waiter);
    }
  }

  private add(id: string, waiter: Waiter): void {
    let set = this.waiters.get(id);
    if (!set) this.waiters.set(id, (set = new Set()));
    set.add(waiter);
  }

  private remove(id: string, waiter: Waiter): void {
    const set = this.waiters.get(id);
    set?.delete(waiter);
    if (set?.size === 0) this.waiters.delete(id);
  }

  private wake(id: string): void {
    for (const waiter of this.waiters.get(id) ?? []) waiter();
  }

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5000 });
    client.on("notification", (message) => {
      if (message.channel === GRADED_CHANNEL && message.payload) this.wake(message.payload);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${GRADED_CHANNEL}`);
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (this.waiters.size === 0) return;
    // Reconnect for the requests still waiting, then let each re-read its status once.
    const retry = () =>
      this.listen()
        .then(() => this.catchUp())
        .catch(() => setTimeout(retry, 500).unref?.());
    setTimeout(retry, 200).unref?.();
  }

  private async catchUp(): Promise<void> {
    const ids = [...this.waiters.keys()];
    if (ids.length === 0) return;
    const finished = await db.submission.findMany({ where: { id: { in: ids }, status: { in: ["graded", "error"] } }, select: { id: true } });
    for (const { id } of finished) this.wake(id);
  }
}

async function isFinished(id: string): Promise<boolean> {
  const row = await db.submission.findUnique({ where: { id }, select: { status: true } });
  return row === null || row.status === "graded" || row.status === "error";
}

const processWide = globalThis as unknown as { batchnormGradedNotifications?: GradedNotifications };

export function gradedNotifications(): GradedNotifications {
  processWide.batchnormGradedNotifications ??= new GradedNotifications();
  return processWide.batchnormGradedNotifications;
}
