/**
 * `npm run loadtest -- --abuse`: a few accounts try to monopolise grading
 * while a class works. ABUSERS accounts (sharing one address) each keep
 * FLOOD_CONCURRENCY slow submissions in flight (a 950 ms busy loop per call,
 * so a submit runs into its 5 s total limit) for the whole run, ignoring
 * Retry-After; HONEST students (one address each) alternate Run and Submit
 * with think time. The server trusts loopback as a proxy (TRUSTED_PROXIES) so
 * each simulated client has its own address via X-Forwarded-For.
 *
 * Target: every honest Run and Submit answered (final report) within 3 s, no
 * honest 429, nothing lost or duplicated (checked in the database), no 5xx
 * other than 503-with-id backpressure.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { loadSamples } from "./code-samples";
import { auditSubmissions } from "./db-audit";
import type { LoadOptions } from "./options";
import type { ManagedServer } from "./server";
import { summarize } from "./stats";
import { newCounters, type StudentClient, sleep } from "./student-client";
import { signUpStudents } from "./workload";
import { type Mode, MODES } from "@/grader/contract/vocabulary";

export const ABUSERS = 3;
export const HONEST = 20;
const FLOOD_CONCURRENCY = 30;
const TARGET_MS = 3000;

const SLOW_BODY = "const end = Date.now() + 950; while (Date.now() < end) {} return null as any;";

export async function runAbuse(baseUrl: string, server: ManagedServer | null, options: LoadOptions): Promise<number> {
  const samples = loadSamples();
  const counters = newCounters();
  const runId = randomUUID().slice(0, 8);
  const clients = await signUpStudents(baseUrl, ABUSERS + HONEST, counters, runId);
  const abusers = clients.slice(0, ABUSERS);
  const honest = clients.slice(ABUSERS);
  abusers.forEach((c) => {
    c.forwardedFor = "203.0.113.66";
  });
  honest.forEach((c, i) => {
    c.forwardedFor = `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`;
  });
  const forward = samples.get("batchnorm-forward") ?? [...samples.values()][0];
  const slowCode = `export function batchnormForward(...args: unknown[]): any {\n  ${SLOW_BODY}\n}\n`;
  const honestSamples = [...samples.values()].flat().filter((s) => s.kind !== "hostile");
  const accepted = new Set<string>();
    // Warm-up (not measured): every honest student grades once, so the pool's
  // workers are started and warm before the flood (a cold pool under a flood
  // measures worker start-up, not fairness).
  await Promise.all(honest.map((h, i) => h.submit(forward[0].exerciseId, forward.find((x) => x.kind === "correct")?.code ?? forward[0].code, "run", `warm-${runId}-${i}`.padEnd(12, "x"), Date.now() + 120_000)));
  await sleep(1000);
  const loadBefore = loadavg();

  const stopAt = Date.now() + options.maxDurationS * 1000;
  // Abusers: FLOOD_CONCURRENCY requests in flight each, for the whole run.
  const abuse = { sent: 0, status: new Map<number, number>(), storedIds: new Map<string, StudentClient>() };
  const flood = abusers.flatMap((a) =>
    Array.from({ length: FLOOD_CONCURRENCY }, async () => {
      while (Date.now() < stopAt) {
        const key = randomUUID();
        abuse.sent++;
        try {
          const answer = await a.postOnce(forward[0].exerciseId, slowCode, key);
          abuse.status.set(answer.status, (abuse.status.get(answer.status) ?? 0) + 1);
          if (answer.id) {
            accepted.add(key);
            abuse.storedIds.set(answer.id, a);
          }
          if (answer.status === 429) await sleep(50); // an attacker ignores Retry-After
        } catch {
          await sleep(200);
        }
      }
    }),
  );

  // Honest students: Run, think, Submit, think … until the end.
  await sleep(3000); // let the flood build up first
  const latencies: { mode: Mode; ms: number; rateLimited: number; final: boolean; sentAt: number; id: string | null }[] = [];
  const work = honest.map(async (h, i) => {
    let n = 0;
    while (Date.now() < stopAt) {
      const sample = honestSamples[(i * 7 + n) % honestSamples.length];
      for (const mode of MODES) {
        const key = randomUUID();
        const sentAt = Date.now();
        const out = await h.submit(sample.exerciseId, sample.code, mode, key, Date.now() + 60_000);
        if (out.accepted) accepted.add(key);
        latencies.push({ mode, ms: out.latencyMs, rateLimited: out.rateLimited, final: out.finalStatus !== null, sentAt, id: out.submissionId });
        // 2–4 s of thinking: about 20 graded requests a minute, under the 30/min per-user limit.
        await sleep(2000 + ((i * 13 + n * 7) % 2000));
      }
      n++;
    }
  });
  await Promise.all([...work, ...flood]);
  const loadDuring = loadavg();

  // Drain: every stored abusive submission must still reach a final status. Each round
  // asks once for every one still pending (one stuck id must not keep the others from being counted).
  const drainDeadline = Date.now() + options.drainS * 1000;
  let pending: (readonly [string, StudentClient])[] = [...abuse.storedIds];
  while (pending.length > 0 && Date.now() < drainDeadline) {
    const checked = await Promise.all(pending.map(async ([id, owner]) => ((await owner.isFinal(id)) ? null : ([id, owner] as const))));
    pending = checked.filter((p) => p !== null);
    if (pending.length > 0) await sleep(1000);
  }
  const abuseFinal = abuse.storedIds.size - pending.length;
  let fiveXx = 0;
  for (const [status, count] of counters.byStatus) if (status >= 500 && status !== 503) fiveXx += count;
  if (server) await server.stop();
  const audit = server ? auditSubmissions(server.databaseFile, accepted) : null;
  // Every honest request (send time, latency, submission id) beside the kept database, to find where a slow one waited.
  if (server) writeFileSync(`${server.databaseFile}.honest.json`, JSON.stringify(latencies));
  const all = summarize(latencies.map((l) => l.ms));
  const figures = {
    scenario: "abuse",
    abusers: ABUSERS,
    floodConcurrency: FLOOD_CONCURRENCY,
    honestStudents: HONEST,
    durationS: options.maxDurationS,
    honestRequests: latencies.length,
    honestP50Ms: all.p50Ms,
    honestP95Ms: all.p95Ms,
    honestMaxMs: all.maxMs,
    honestOver3s: latencies.filter((l) => l.ms > TARGET_MS).length,
    honestRateLimited: latencies.reduce((sum, l) => sum + l.rateLimited, 0),
    honestNotFinal: latencies.filter((l) => !l.final).length,
    runP95Ms: summarize(latencies.filter((l) => l.mode === "run").map((l) => l.ms)).p95Ms,
    submitP95Ms: summarize(latencies.filter((l) => l.mode === "submit").map((l) => l.ms)).p95Ms,
    abuseSent: abuse.sent,
    abuseStatuses: Object.fromEntries([...abuse.status].sort(([a], [b]) => a - b)),
    abuseStored: abuse.storedIds.size,
    abuseFinal,
    lost: audit?.lost ?? abuse.storedIds.size - abuseFinal,
    duplicated: audit?.duplicated ?? 0,
    errors5xx: fiveXx,
    loadAverage1mBefore: Math.round(loadBefore[0] * 10) / 10,
    loadAverage1mDuring: Math.round(loadDuring[0] * 10) / 10,
  };
  console.log("");
  console.log(`honest: ${figures.honestRequests} Run/Submit, p50 ${figures.honestP50Ms} ms, p95 ${figures.honestP95Ms} ms, max ${figures.honestMaxMs} ms, over 3 s: ${figures.honestOver3s}, 429: ${figures.honestRateLimited}`);
  console.log(`abusers: ${figures.abuseSent} sent → ${JSON.stringify(figures.abuseStatuses)}; stored ${figures.abuseStored}, final ${figures.abuseFinal}`);
  console.log(`lost ${figures.lost}, duplicated ${figures.duplicated}, errors5xx ${figures.errors5xx}; load average ${figures.loadAverage1mBefore} → ${figures.loadAverage1mDuring}`);
  console.log(JSON.stringify(figures));
  const broken = figures.lost + figures.duplicated + figures.errors5xx + figures.honestRateLimited + figures.honestNotFinal + (abuseFinal === abuse.storedIds.size ? 0 : 1);
  return options.strict && broken > 0 ? 1 : 0;
}
