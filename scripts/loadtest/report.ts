/** The printed table and the last-line JSON of a load run. */
import type { AuditResult } from "./db-audit";
import { type LatencySummary, summarize } from "./stats";
import type { HttpCounters } from "./student-client";
import type { SubmissionRecord } from "./workload";

export interface RunFigures {
  students: number;
  submissions: number;
  lost: number;
  duplicated: number;
  /** honest (correct + wrong) submissions, first send → final report */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors5xx: number;
  rssMbStart: number | null;
  rssMbEnd: number | null;
  hostileP95Ms: number;
  busy503: number;
  rateLimited429: number;
  networkErrors: number;
  twinMismatches: number;
  /** 4xx answers other than 429 (bad request, 404, 409…): the load test sent nothing invalid */
  unexpected4xx: number;
  duplicateTestRows: number;
  passwordsInLogs: number | null;
  faults: Record<string, number>;
  durationS: number;
}

export function buildFigures(input: {
  students: number;
  records: SubmissionRecord[];
  audit: AuditResult;
  counters: HttpCounters;
  rss: { start: number | null; end: number | null };
  passwordsInLogs: number | null;
  faults: Record<string, number>;
  durationS: number;
}): { figures: RunFigures; honest: LatencySummary; hostile: LatencySummary } {
  const { records, audit, counters } = input;
  const honest = summarize(records.filter((r) => r.kind !== "hostile" && r.finalStatus).map((r) => r.latencyMs));
  const hostile = summarize(records.filter((r) => r.kind === "hostile" && r.finalStatus).map((r) => r.latencyMs));
  const busy503 = records.reduce((n, r) => n + r.busy, 0);
  let fiveXx = 0;
  for (const [status, n] of counters.byStatus) if (status >= 500) fiveXx += n;
  const figures: RunFigures = {
    students: input.students,
    submissions: records.length,
    lost: audit.lost,
    duplicated: audit.duplicated,
    p50Ms: honest.p50Ms,
    p95Ms: honest.p95Ms,
    p99Ms: honest.p99Ms,
    // A 503 that carries the stored submission's id is backpressure, not an error.
    errors5xx: Math.max(0, fiveXx - busy503),
    rssMbStart: input.rss.start,
    rssMbEnd: input.rss.end,
    hostileP95Ms: hostile.p95Ms,
    busy503,
    rateLimited429: records.reduce((n, r) => n + r.rateLimited, 0),
    networkErrors: counters.networkErrors,
    twinMismatches: records.filter((r) => r.twinConsistent === false).length,
    unexpected4xx: records.filter((r) => r.unexpectedStatus !== null).length,
    duplicateTestRows: audit.duplicateTestRows,
    passwordsInLogs: input.passwordsInLogs,
    faults: input.faults,
    durationS: input.durationS,
  };
  return { figures, honest, hostile };
}

export function printTable(figures: RunFigures, honest: LatencySummary, hostile: LatencySummary, audit: AuditResult, counters: HttpCounters): void {
  const rows: [string, string][] = [
    ["students × submissions", `${figures.students} × ${figures.submissions / Math.max(1, figures.students)} = ${figures.submissions}`],
    ["honest latency (n, p50/p95/p99/max ms)", `${honest.count}, ${honest.p50Ms} / ${honest.p95Ms} / ${honest.p99Ms} / ${honest.maxMs}`],
    ["hostile latency (n, p50/p95/p99/max ms)", `${hostile.count}, ${hostile.p50Ms} / ${hostile.p95Ms} / ${hostile.p99Ms} / ${hostile.maxMs}`],
    ["rows in database", `${audit.rows} ${JSON.stringify(audit.byStatus)} verdicts ${JSON.stringify(audit.byVerdict)}`],
    ["lost / duplicated / dup test rows", `${figures.lost} / ${figures.duplicated} / ${figures.duplicateTestRows}`],
    ["double-send twins answered differently", String(figures.twinMismatches)],
    ["unexpected 4xx answers", String(figures.unexpected4xx)],
    ["HTTP statuses", JSON.stringify(Object.fromEntries([...counters.byStatus].sort((a, b) => a[0] - b[0])))],
    ["errors5xx / busy 503 / rate-limited 429 / network errors", `${figures.errors5xx} / ${figures.busy503} / ${figures.rateLimited429} / ${figures.networkErrors}`],
    ["web server RSS after warm-up → end (MB)", `${figures.rssMbStart ?? "n/a"} → ${figures.rssMbEnd ?? "n/a"}`],
    ["passwords found in server output", String(figures.passwordsInLogs ?? "n/a")],
    ["faults injected", JSON.stringify(figures.faults)],
    ["duration (s)", String(figures.durationS)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("");
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (audit.lostIds.length) console.log(`lost clientRequestIds (first 20): ${audit.lostIds.join(", ")}`);
  console.log("");
}
