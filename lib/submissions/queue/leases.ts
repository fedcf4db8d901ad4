/**
 * Leases instead of a reset at boot: each grader host holds a lease on the
 * jobs its worker pool locked, renewed every second. When a host dies its
 * lease expires (GRADER_LEASE_SECONDS, default 5) and any other host unlocks
 * its jobs (Graphile Worker's force_unlock_workers), so they run again within
 * seconds instead of after Graphile Worker's 4-hour lock expiry. Each run
 * counted as an attempt, so a job that keeps killing its host ends in the
 * dead-letter state.
 */
import "server-only";
import { db } from "@/lib/db";

export function leaseSeconds(): number {
  const n = Number(process.env.GRADER_LEASE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 5;
}

export async function renewLease(workerId: string, hostId: string): Promise<void> {
  const seconds = leaseSeconds();
  await db.$executeRaw`
    INSERT INTO "GraderLease" ("workerId", "hostId", "expiresAt") VALUES (${workerId}, ${hostId}, now() + make_interval(secs => ${seconds}))
    ON CONFLICT ("workerId") DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt"`;
}

export async function releaseLease(workerId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "GraderLease" WHERE "workerId" = ${workerId}`;
}

/** Unlocks the jobs of every worker whose lease expired; returns those workers. */
export async function reclaimExpiredLeases(): Promise<string[]> {
  const expired = await db.$queryRaw<{ workerId: string }[]>`DELETE FROM "GraderLease" WHERE "expiresAt" < now() RETURNING "workerId"`;
  const ids = expired.map((e) => e.workerId);
  if (ids.length) await db.$queryRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])::text AS done`;
  return ids;
}
