/**
 * `npm run loadtest [-- flags]`: the real production server (or BASE_URL),
 * real sign-ups, real submissions, faults on request; lost and duplicated
 * submissions counted from the database file. Last line: one JSON object.
 *
 *   --students 50 --per-student 20 --hostile 0.1   the class and its mix
 *   --kill-workers / --restart-server / --slow-db   fault injection
 *   --backpressure                                  the queue-full and rate-limit scenario
 *   --abuse                                         3 accounts flood slow code while 20 students work
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { runAbuse } from "./abuse";
import { runBackpressure } from "./backpressure";
import { loadSamples } from "./code-samples";
import { auditSubmissions } from "./db-audit";
import { type Fault, killWorkers, restartServer, slowDatabase } from "./faults";
import { type LoadOptions, parseArgs } from "./options";
import { treeRssMb } from "./process-tree";
import { buildFigures, printTable } from "./report";
import { ManagedServer } from "./server";
import { newCounters, sleep } from "./student-client";
import { runStudent, type SubmissionRecord, signUpStudents } from "./workload";

async function main(options: LoadOptions): Promise<number> {
  const server = options.baseUrl
    ? null
    : await ManagedServer.create({
        graderWorkers: options.graderWorkers,
        graderMaxQueue: options.graderMaxQueue ?? (options.backpressure ? 4 : undefined),
        // The abuse scenario gives every simulated client its own address through a "proxy" on loopback,
        // and keeps the server's default per-address limits ("" = unset) that the abusers' address runs into.
        env: options.abuse ? { TRUSTED_PROXIES: "loopback", SUBMISSION_ADDRESS_RATE_LIMIT_POINTS: "", AUTOSAVE_ADDRESS_RATE_LIMIT_POINTS: "" } : undefined,
      });
  const baseUrl = options.baseUrl ?? (server as ManagedServer).baseUrl;
  let exitCode = 1;
  try {
    if (server) {
      console.log(`Starting the production server on ${server.baseUrl} (database ${server.databaseFile})…`);
      await server.start();
    }
    exitCode = options.abuse
      ? await runAbuse(baseUrl, server, options)
      : options.backpressure
        ? await runBackpressure(baseUrl, server, options)
        : await runLoad(baseUrl, server, options);
    return exitCode;
  } finally {
    await server?.stop();
    if (exitCode === 0 && process.env.LOADTEST_KEEP_FILES !== "1") server?.removeFiles();
    else if (server) console.log(`Kept for diagnosis: ${server.databaseFile} and ${server.logFile}`);
  }
}

async function runLoad(baseUrl: string, server: ManagedServer | null, options: LoadOptions): Promise<number> {
  const samples = loadSamples();
  const counters = newCounters();
  const runId = randomUUID().slice(0, 8);
  const started = Date.now();
  console.log(`Signing up ${options.students} students…`);
  const students = await signUpStudents(baseUrl, options.students, counters, runId);

  // Warm-up: the whole class submits honest code a few times, so JIT, caches and heaps are warm
  // before the memory baseline is taken (not counted in the figures).
  const warmPlan = {
    options: { ...options, seed: `${options.seed}:warm`, hostile: 0, duplicates: 0 },
    samples,
    stopSendingAt: Number.POSITIVE_INFINITY,
    giveUpAt: Date.now() + 300_000,
  };
  const warm = (await Promise.all(students.map((s, i) => runStudent(s, i, warmPlan, options.warmupRounds)))).flat();
  const accepted = new Set(warm.filter((r) => r.accepted).map((r) => r.clientRequestId));
  await sleep(1000);
  const rssStart = server ? treeRssMb(server.pid) : null;
  console.log(`Warm-up: ${warm.length} submissions; server tree RSS ${rssStart ? JSON.stringify(rssStart) : "n/a"} MB`);

  const faults: Fault[] = [];
  if (server && options.killWorkers) faults.push(killWorkers(server));
  if (server && options.slowDb) faults.push(slowDatabase(server.databaseFile));
  if (server && options.restartServer) faults.push(restartServer(server, Math.max(8000, Math.min(20_000, options.maxDurationS * 250))));

  const loadStarted = Date.now();
  const plan = { options, samples, stopSendingAt: loadStarted + options.maxDurationS * 1000, giveUpAt: loadStarted + (options.maxDurationS + options.drainS) * 1000 };
  console.log(`Load: ${options.students} students × ${options.perStudent} submissions (hostile ${options.hostile}, wrong ${options.wrong}); faults: ${faults.map((f) => f.name).join(", ") || "none"}`);
  const perStudent = await Promise.all(students.map((s, i) => runStudent(s, i, plan)));
  for (const f of faults) await f.stop();
  const records: SubmissionRecord[] = perStudent.flat();
  for (const r of records) if (r.accepted) accepted.add(r.clientRequestId);
  // Submissions accepted just before a fault may still be finishing (recovery after a restart).
  if (server && !(await server.healthy())) await server.start();
  await sleep(1000);
  const rssEnd = server ? treeRssMb(server.pid) : null;
  if (server) await server.stop();
  const durationS = Math.round((Date.now() - started) / 100) / 10;

  const audit = server ? auditSubmissions(server.databaseFile, accepted) : null;
  const passwordsInLogs = server ? countPasswords(server.logFile, students.map((s) => s.password)) : null;
  const { figures, honest, hostile } = buildFigures({
    students: options.students,
    records,
    audit: audit ?? { rows: 0, byStatus: {}, byVerdict: {}, lost: records.filter((r) => r.accepted && !r.finalStatus).length, lostIds: [], duplicated: 0, duplicateTestRows: 0 },
    counters,
    // The web server's own memory: grading workers are disposable (replaced after crashes), shown separately.
    rss: { start: rssStart?.server ?? null, end: rssEnd?.server ?? null },
    passwordsInLogs,
    faults: Object.fromEntries(faults.map((f) => [f.name, f.strikes])),
    durationS,
  });
  printTable(figures, honest, hostile, audit ?? { rows: 0, byStatus: {}, byVerdict: {}, lost: figures.lost, lostIds: [], duplicated: 0, duplicateTestRows: 0 }, counters);
  if (rssStart && rssEnd) console.log(`RSS detail (MB): after warm-up ${JSON.stringify(rssStart)}, end ${JSON.stringify(rssEnd)}`);
  printTargets(figures);
  console.log(JSON.stringify(figures));
  const broken = figures.lost + figures.duplicated + figures.errors5xx + figures.duplicateTestRows + figures.twinMismatches + figures.unexpected4xx + (figures.passwordsInLogs ?? 0);
  return options.strict && broken > 0 ? 1 : 0;
}

function countPasswords(logFile: string, passwords: string[]): number {
  const log = readFileSync(logFile, "utf8");
  return passwords.filter((p) => log.includes(p)).length;
}

function printTargets(f: ReturnType<typeof buildFigures>["figures"]): void {
  const rssDrift = f.rssMbStart && f.rssMbEnd ? Math.round(((f.rssMbEnd - f.rssMbStart) / f.rssMbStart) * 1000) / 10 : null;
  console.log("Targets (printed, not asserted on timings):");
  console.log(`  lost = 0: ${f.lost}; duplicated = 0: ${f.duplicated}; errors5xx = 0: ${f.errors5xx}`);
  console.log(`  honest p95 ≤ 250 ms: ${f.p95Ms} ms ${f.p95Ms <= 250 ? "(met)" : "(NOT met)"}`);
  console.log(`  memory end within 20% of warm-up: ${rssDrift === null ? "n/a" : `${rssDrift}% ${Math.abs(rssDrift) <= 20 ? "(met)" : "(NOT met)"}`}`);
}

const options = parseArgs(process.argv.slice(2));
process.exitCode = await main(options);
