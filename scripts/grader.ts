/**
 * `npm run grader`: a grader host. Needs DATABASE_URL (a postgres:// URL of
 * the least-privilege grader role, scripts/db/grader-role.ts) and the
 * repository with its exercises and content build (`npm run content:build`:
 * it serves the exercises of .content/manifest.json under their content
 * hashes); must not have the auth secret (it refuses to
 * start with one). GRADER_WORKERS sets its worker pool size (default 2),
 * GRADER_JOBS how many jobs it takes at once (default: the fair queue's in-flight limit);
 * GRADER_METRICS=1 prints one JSON line per job (the scale test reads them).
 */
import { databaseProvider } from "../lib/database-url";
import { gradingsInFlight } from "../lib/submissions/fair-grading";
import { startGraderHost } from "../lib/submissions/queue/grader-host";

const nodeMajor = Number(process.versions.node.split(".")[0]);
if (nodeMajor < 24) {
  console.error(`The grader host needs Node.js 24 or newer (this is ${process.version}); run it through npm.`);
  process.exit(1);
}
if (databaseProvider() !== "postgresql") {
  console.error("npm run grader needs DATABASE_URL=postgres://… (the grading queue lives in PostgreSQL).");
  process.exit(1);
}
for (const secret of ["BETTER_AUTH_SECRET", "AUTH_SECRET", "AUTH_SECRET_FILE"]) {
  if (process.env[secret]) {
    console.error(`Refusing to start: a grader host must not hold the auth secret (${secret} is set).`);
    process.exit(1);
  }
}

const workers = Math.max(1, Number(process.env.GRADER_WORKERS) || 2);
// as many jobs as the fair queue runs at once (more than the workers: a hostile grading that runs to its
// time limit moves to a spare worker instead of holding one of the few job slots); GRADER_JOBS overrides
const concurrency = Math.max(1, Number(process.env.GRADER_JOBS) || gradingsInFlight());
const metrics = process.env.GRADER_METRICS === "1";
const host = await startGraderHost({
  concurrency,
  warmWorkers: workers,
  onJob: metrics ? (outcome) => console.log(JSON.stringify({ event: "job", ...outcome, finishedAtMs: Date.now() })) : undefined,
});
console.log(`Grader host ${process.pid} ready: ${workers} worker(s), up to ${concurrency} job(s) at once, ${host.tasks.length} task(s).`);
if (metrics) console.log(JSON.stringify({ event: "ready", pid: process.pid }));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    host.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
