/**
 * `npm run loadtest -- --backpressure`: the two ways the platform sheds load.
 *
 * 1. Per-user rate limit: one student floods submissions; past the limit each
 *    gets a fast 429 with Retry-After, while the other students' latency is
 *    compared with a baseline taken just before.
 * 2. Bounded grading queue (GRADER_MAX_QUEUE, small here): many students
 *    submit slow code at once; beyond the queue each gets a fast 503 with
 *    Retry-After and the id of its stored submission — which must still reach
 *    a final status (never lost), checked in the database.
 */
import { randomUUID } from "node:crypto";
import { loadSamples } from "./code-samples";
import { auditSubmissions } from "./db-audit";
import type { LoadOptions } from "./options";
import type { ManagedServer } from "./server";
import { summarize } from "./stats";
import { newCounters, type StudentClient, sleep } from "./student-client";
import { signUpStudents } from "./workload";

const BYSTANDERS = 6;
const FLOOD = 40;
const ABUSE_REQUESTS = 60;

export async function runBackpressure(baseUrl: string, server: ManagedServer | null, options: LoadOptions): Promise<number> {
  const samples = loadSamples();
  const forward = samples.get("batchnorm-forward") ?? [...samples.values()][0];
  const correct = forward.find((s) => s.kind === "correct")!;
  const slow = forward.find((s) => s.label === "hostile:infinite-loop")!;
  const counters = newCounters();
  const runId = randomUUID().slice(0, 8);
  const [abuser, ...others] = await signUpStudents(baseUrl, 1 + BYSTANDERS + FLOOD, counters, runId);
  const bystanders = others.slice(0, BYSTANDERS);
  const flooders = others.slice(BYSTANDERS);
  const accepted = new Set<string>();

  let otherBusy = 0; // 503-with-id answers outside the flood: backpressure too, not errors
  const bystanderRound = async () => {
    const latencies: number[] = [];
    await Promise.all(
      bystanders.map(async (b) => {
        for (let i = 0; i < 5; i++) {
          const out = await b.submit(correct.exerciseId, correct.code, "submit", randomUUID(), Date.now() + 60_000);
          if (out.accepted) accepted.add(out.clientRequestId);
          otherBusy += out.busy;
          latencies.push(out.latencyMs);
          await sleep(200);
        }
      }),
    );
    return summarize(latencies);
  };

  // 1. Rate limit. The first round only warms the server up.
  await bystanderRound();
  const baseline = await bystanderRound();
  const abuse = (async () => {
    const answers: { status: number; retryAfter: number | null; ms: number }[] = [];
    for (let i = 0; i < ABUSE_REQUESTS; i++) {
      const key = randomUUID();
      const answer = await abuser.postOnce(correct.exerciseId, correct.code, key);
      if (answer.id) accepted.add(key);
      if (answer.status === 503 && answer.id) otherBusy++;
      answers.push(answer);
    }
    return answers;
  })();
  const [underAbuse, abuseAnswers] = await Promise.all([bystanderRound(), abuse]);
  const limited = abuseAnswers.filter((a) => a.status === 429);

  // 2. Queue full: everyone at once with code that holds a worker for its whole call timeout.
  const floodAnswers = await Promise.all(
    flooders.map(async (f) => {
      const key = randomUUID();
      const answer = await f.postOnce(slow.exerciseId, slow.code, key);
      if (answer.id) accepted.add(key);
      return { ...answer, client: f };
    }),
  );
  const busy = floodAnswers.filter((a) => a.status === 503);
  const drainDeadline = Date.now() + options.drainS * 1000;
  const finals = await Promise.all(floodAnswers.filter((a) => a.id).map((a) => (a.client as StudentClient).pollUntilFinal(a.id as string, drainDeadline)));

  let fiveXx = 0;
  for (const [status, n] of counters.byStatus) if (status >= 500) fiveXx += n;
  if (server) await server.stop();
  const audit = server ? auditSubmissions(server.databaseFile, accepted) : null;
  const figures = {
    scenario: "backpressure",
    rateLimited429: limited.length,
    rateLimitMaxMs: Math.round(Math.max(0, ...limited.map((a) => a.ms))),
    rateLimitRetryAfterMissing: limited.filter((a) => !(a.retryAfter && a.retryAfter > 0)).length,
    bystanderBaselineP95Ms: baseline.p95Ms,
    bystanderUnderAbuseP95Ms: underAbuse.p95Ms,
    queueFlood: FLOOD,
    busy503: busy.length,
    busyP95Ms: summarize(busy.map((a) => a.ms)).p95Ms,
    busyMaxMs: Math.round(Math.max(0, ...busy.map((a) => a.ms))),
    busyRetryAfterMissing: busy.filter((a) => !(a.retryAfter && a.retryAfter > 0)).length,
    busyWithoutId: busy.filter((a) => !a.id).length,
    floodFinal: finals.filter((f) => f.finalStatus).length,
    floodAccepted: floodAnswers.filter((a) => a.id).length,
    lost: audit?.lost ?? finals.filter((f) => !f.finalStatus).length,
    duplicated: audit?.duplicated ?? 0,
    errors5xx: Math.max(0, fiveXx - busy.length - otherBusy),
  };
  console.log("");
  console.log(`rate limit: ${figures.rateLimited429}/${ABUSE_REQUESTS} abusive requests got 429 (slowest ${figures.rateLimitMaxMs} ms, Retry-After missing on ${figures.rateLimitRetryAfterMissing})`);
  console.log(`bystanders p95: ${baseline.p95Ms} ms before, ${underAbuse.p95Ms} ms during the abuse`);
  console.log(`queue flood: ${FLOOD} slow submissions at once → ${figures.busy503} × 503 (p95 ${figures.busyP95Ms} ms, max ${figures.busyMaxMs} ms, Retry-After missing on ${figures.busyRetryAfterMissing}, without id ${figures.busyWithoutId})`);
  console.log(`accepted flood submissions final: ${figures.floodFinal}/${figures.floodAccepted}; lost ${figures.lost}, duplicated ${figures.duplicated}, errors5xx ${figures.errors5xx}`);
  console.log(JSON.stringify(figures));
  const broken =
    figures.lost + figures.duplicated + figures.errors5xx + figures.rateLimitRetryAfterMissing + figures.busyRetryAfterMissing + figures.busyWithoutId +
    (figures.rateLimited429 === 0 ? 1 : 0) + (figures.busy503 === 0 ? 1 : 0) + (figures.floodFinal === figures.floodAccepted ? 0 : 1);
  return options.strict && broken > 0 ? 1 : 0;
}
