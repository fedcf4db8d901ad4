/**
 * Counts lost and duplicated submissions straight from the SQLite file (not
 * through the API under test): `lost` = accepted submissions that are not in
 * a final status (or not stored at all); `duplicated` = extra rows for a
 * repeated (userId, clientRequestId); `duplicateTestRows` = a test result
 * written twice for one submission (a grading applied twice).
 */
import Database from "better-sqlite3";

export interface AuditResult {
  rows: number;
  byStatus: Record<string, number>;
  byVerdict: Record<string, number>;
  lost: number;
  lostIds: string[];
  duplicated: number;
  duplicateTestRows: number;
}

export function auditSubmissions(databaseFile: string, acceptedClientRequestIds: Iterable<string>): AuditResult {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number | null }).n ?? 0;
    const tally = (column: "status" | "verdict") =>
      Object.fromEntries(
        (sqlite.prepare(`SELECT coalesce(${column}, '-') AS k, count(*) AS n FROM Submission GROUP BY k`).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]),
      );
    const rowsByKey = new Map(
      (sqlite.prepare("SELECT clientRequestId AS k, status FROM Submission").all() as { k: string; status: string }[]).map((r) => [r.k, r.status]),
    );
    const lostIds = new Set<string>();
    for (const key of acceptedClientRequestIds) {
      const status = rowsByKey.get(key);
      if (status !== "graded" && status !== "error") lostIds.add(key);
    }
    // Rows the client never heard about (e.g. the server died before answering) must be final too.
    for (const [key, status] of rowsByKey) if (status !== "graded" && status !== "error") lostIds.add(key);
    return {
      rows: count("SELECT count(*) AS n FROM Submission"),
      byStatus: tally("status"),
      byVerdict: tally("verdict"),
      lost: lostIds.size,
      lostIds: [...lostIds].slice(0, 20),
      duplicated: count("SELECT sum(n - 1) AS n FROM (SELECT count(*) AS n FROM Submission GROUP BY userId, clientRequestId HAVING n > 1)"),
      duplicateTestRows: count("SELECT sum(n - 1) AS n FROM (SELECT count(*) AS n FROM SubmissionTestResult GROUP BY submissionId, testId HAVING n > 1)"),
    };
  } finally {
    sqlite.close();
  }
}
