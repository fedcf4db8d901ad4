/**
 * After the run, from the database: every accepted submission (by its
 * clientRequestId) must exist once and be final (graded or error), with at
 * most one set of test rows (a job run twice must not store twice).
 */
import pg from "pg";

export async function auditCluster(ownerUrl: string, accepted: Set<string>): Promise<{ lost: number; duplicated: number; detail: Record<string, unknown> }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const rows = (await client.query(`SELECT "clientRequestId", "status" FROM "Submission" WHERE "userId" <> 'throughput'`)).rows as { clientRequestId: string; status: string }[];
    const byKey = new Map<string, string[]>();
    for (const r of rows) byKey.set(r.clientRequestId, [...(byKey.get(r.clientRequestId) ?? []), r.status]);
    let lost = 0;
    for (const key of accepted) {
      const statuses = byKey.get(key);
      if (!statuses?.some((s) => s === "graded" || s === "error")) lost++;
    }
    const duplicateRows = rows.length - byKey.size;
    const doubled = (
      await client.query(`SELECT COUNT(*)::int AS n FROM (
        SELECT s."id" FROM "Submission" s JOIN "SubmissionTestResult" t ON t."submissionId" = s."id"
        GROUP BY s."id", s."report" HAVING COUNT(*) > json_array_length((s."report"::json)->'tests')) d`)
    ).rows[0].n as number;
    const byStatus: Record<string, number> = {};
    for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const dead = (await client.query(`SELECT COUNT(*)::int AS n FROM graphile_worker._private_jobs WHERE attempts >= max_attempts`)).rows[0].n as number;
    return { lost, duplicated: duplicateRows + doubled, detail: { rows: rows.length, byStatus, duplicateRows, doubledTestRows: doubled, deadLetters: dead } };
  } finally {
    await client.end();
  }
}
