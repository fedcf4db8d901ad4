/**
 * `npm run test:scale [-- --short]`: the scale-out deployment on one machine.
 * A throw-away PostgreSQL server, 2 web replicas (the production server) and
 * 2 grader hosts as separate processes; students spread over the replicas and
 * fail over to the other one with the same clientRequestId.
 *
 * 1. throughput: a backlog graded by 1 host pinned to core 0, then by 2 hosts
 *    pinned to cores 0 and 1 (one worker each);
 * 2. pickup: sequential submissions on idle hosts, commit (web) → handler start (grader);
 * 3. load: S students × N submissions (10 % hostile) with faults: kill a grader
 *    host, kill a web replica, restart PostgreSQL — then an audit of the database.
 * Last line: one JSON object. Installs nothing (PostgreSQL: Debian's package).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSamples } from "../loadtest/code-samples";
import { percentile } from "../loadtest/stats";
import { newCounters, sleep } from "../loadtest/student-client";
import { runStudent, type SubmissionRecord } from "../loadtest/workload";
import { auditCluster } from "./audit";
import { Cluster } from "./cluster";
import { FailoverClient } from "./failover-client";
import { ensureBuild } from "./build";
import { measureThroughput } from "./throughput";

const short = process.argv.includes("--short");
const settings = short
  ? { students: 6, perStudent: 4, backlog: 60, pickups: 20, thinkMinMs: 300, thinkMaxMs: 900, faultsAtS: [3, 6, 9] }
  : { students: 50, perStudent: 20, backlog: 300, pickups: 200, thinkMinMs: 1500, thinkMaxMs: 4500, faultsAtS: [12, 24, 36] };

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<number> {
  ensureBuild();
  const logDir = mkdtempSync(path.join(tmpdir(), "batchnorm-scale-"));
  console.log(`Logs: ${logDir}`);
  const cluster = await Cluster.create(logDir);
  let ok = false;
  try {
    const samples = loadSamples();
    const honest = [...samples.values()].flat().filter((s) => s.kind === "correct");

    console.log("Throughput: one grader host on one core…");
    const one = await measureThroughput(cluster, [cluster.addGrader({ core: 0, workers: 1 })], honest, settings.backlog);
    console.log(`  ${one} gradings/s`);
    console.log("Throughput: two grader hosts, one core each…");
    const two = await measureThroughput(cluster, [cluster.addGrader({ core: 0, workers: 1 }), cluster.addGrader({ core: 1, workers: 1 })], honest, settings.backlog);
    console.log(`  ${two} gradings/s (${round(two / one)}×)`);

    // the load's hosts: two grader hosts, two web replicas
    const graders = [cluster.addGrader({ workers: 2 }), cluster.addGrader({ workers: 2 })];
    for (const g of graders) g.start();
    await cluster.addWeb();
    await cluster.addWeb();
    const counters = newCounters();
    const runId = Date.now().toString(36);
    const students = Array.from({ length: settings.students }, (_, i) => new FailoverClient(cluster.webUrls, i, counters, `scale-${runId}-${i}@example.com`));
    for (let i = 0; i < students.length; i += 4) await Promise.all(students.slice(i, i + 4).map((s, j) => s.signUp(`Scale Student ${i + j}`)));
    // the pickup probe is a student of its own (its many sequential submissions are not the class's load)
    const probe = new FailoverClient(cluster.webUrls, 0, counters, `scale-${runId}-probe@example.com`);
    await probe.signUp("Scale Probe");

    console.log(`Pickup: ${settings.pickups} sequential submissions on idle hosts…`);
    const pickupPlan = { options: { perStudent: settings.pickups, hostile: 0, wrong: 0, duplicates: 0, thinkMinMs: 50, thinkMaxMs: 100, seed: "pickup" }, samples, stopSendingAt: Number.POSITIVE_INFINITY, giveUpAt: Date.now() + 300_000 };
    const pickupRecords = await runStudent(probe, 1, pickupPlan);
    const pickups = pickupRecords
      .map((r) => {
        const committed = r.submissionId ? cluster.committed.get(r.submissionId) : undefined;
        const job = cluster.jobs.find((j) => j.submissionId === r.submissionId);
        return committed && job ? job.startedAtMs - committed : null;
      })
      .filter((v): v is number => v !== null);

    console.log(`Load: ${settings.students} students × ${settings.perStudent} submissions (10 % hostile) with faults…`);
    const loadStarted = Date.now();
    const plan = {
      options: { perStudent: settings.perStudent, hostile: 0.1, wrong: 0.3, duplicates: 0.05, thinkMinMs: settings.thinkMinMs, thinkMaxMs: settings.thinkMaxMs, seed: "scale" },
      samples,
      stopSendingAt: loadStarted + 600_000,
      giveUpAt: loadStarted + 900_000,
    };
    const faults = runFaults(cluster, settings.faultsAtS);
    const records: SubmissionRecord[] = (await Promise.all(students.map((s, i) => runStudent(s, i, plan)))).flat();
    const faultLog = await faults;
    console.log(`Faults: ${faultLog.join("; ")}`);

    const audit = await auditCluster(cluster.ownerUrl, new Set([...records, ...pickupRecords].filter((r) => r.accepted).map((r) => r.clientRequestId)));
    const honestLatencies = records.filter((r) => r.kind !== "hostile" && r.finalStatus).map((r) => r.latencyMs);
    const busy = [...records, ...pickupRecords].reduce((n, r) => n + r.busy, 0);
    // a 503 that stored the submission and gave its id is the contract's "poll", not an error (twins included)
    const errors5xx = [...counters.byStatus.entries()].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0) - counters.busyWithId;
    if (!cluster.network) console.log("(hosts ran as processes on loopback, not in network namespaces)");
    const figures = {
      webReplicas: cluster.webs.length,
      graderHosts: 2,
      submissions: records.length,
      lost: audit.lost,
      duplicated: audit.duplicated,
      errors5xx,
      p50Ms: round(percentile(honestLatencies, 50)),
      p95Ms: round(percentile(honestLatencies, 95)),
      pickupP50Ms: round(percentile(pickups, 50)),
      pickupP99Ms: round(percentile(pickups, 99)),
      gradingsPerSecOneHost: one,
      gradingsPerSecTwoHosts: two,
    };
    const slowest = records.filter((r) => r.kind !== "hostile").sort((a, b) => b.latencyMs - a.latencyMs).slice(0, 3);
    console.log(`Slowest honest: ${slowest.map((r) => `${Math.round(r.latencyMs)} ms ${r.label} (busy ${r.busy}, ${r.submissionId})`).join("; ")}`);
    console.log(`Audit: ${JSON.stringify(audit.detail)}; busy (503 + id, then polled) ${busy}; network errors ${counters.networkErrors}; pickup samples ${pickups.length}`);
    console.log("Targets (printed, not asserted on timings):");
    console.log(`  lost/duplicated/errors5xx = 0: ${figures.lost}/${figures.duplicated}/${figures.errors5xx}`);
    console.log(`  pickup p50 ≤ 10 ms: ${figures.pickupP50Ms}; p99 ≤ 50 ms: ${figures.pickupP99Ms}; submit p95 ≤ 250 ms: ${figures.p95Ms}`);
    console.log(`  two hosts ≥ 1.7 × one host: ${round(two / one)}×`);
    console.log(JSON.stringify(figures));
    ok = figures.lost === 0 && figures.duplicated === 0 && figures.errors5xx === 0;
    return ok ? 0 : 1;
  } finally {
    await cluster.stopAll();
    if (ok && process.env.SCALE_KEEP_LOGS !== "1") rmSync(logDir, { recursive: true, force: true });
  }
}

/** Kill a grader host, kill a web replica, restart PostgreSQL; each host comes back (a supervisor restarts it). */
async function runFaults(cluster: Cluster, atS: number[]): Promise<string[]> {
  const started = Date.now();
  const log: string[] = [];
  const at = async (s: number) => sleep(Math.max(0, started + s * 1000 - Date.now()));
  await at(atS[0]);
  await cluster.graders[cluster.graders.length - 1].kill();
  log.push(`grader host killed at ${round((Date.now() - started) / 1000)} s`);
  await sleep(2000);
  cluster.graders[cluster.graders.length - 1].start();
  await at(atS[1]);
  const web = cluster.webs[0];
  await web.kill();
  log.push(`web replica killed at ${round((Date.now() - started) / 1000)} s`);
  await sleep(2000);
  web.start();
  await at(atS[2]);
  cluster.pg.stop();
  log.push(`PostgreSQL stopped at ${round((Date.now() - started) / 1000)} s`);
  cluster.pg.start();
  log.push(`and started again at ${round((Date.now() - started) / 1000)} s`);
  return log;
}

process.exitCode = await main();
