/**
 * `npx tsx scripts/measure-dashboard.ts [--db prisma/load.db] [--url http://host:port] [--runs 9]`
 *
 * Measures how long the instructor dashboard takes to render on a loaded
 * database (fill one with scripts/seed-load.ts first). Without --url it
 * starts the production server (`next start`, the existing build) on the
 * given database and a free port, and stops it afterwards. It signs in as
 * the demo instructor, warms each page up twice, then times full responses
 * (request sent → whole HTML received) sequentially and prints the median.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { z } from "zod";
import { buildIsCurrent } from "./build-fingerprint";
import { freePort } from "./free-port";

const argsSchema = z.object({
  db: z.string().default("prisma/load.db"),
  url: z.string().url().optional(),
  runs: z.coerce.number().int().min(1).max(100).default(9),
  email: z.string().default("instructor@example.com"),
  password: z.string().default("instructor-password-123"),
});
const raw: Record<string, string> = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) raw[argv[i].replace(/^--/, "")] = argv[i + 1];
const args = argsSchema.parse(raw);


async function waitForHealth(base: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server at ${base} did not become healthy`);
}

let server: ChildProcess | null = null;
let base = args.url?.replace(/\/$/, "") ?? "";
if (!base) {
  const file = path.resolve(args.db);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run npx tsx scripts/seed-load.ts first`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run npm run build first");
  if (!buildIsCurrent()) console.warn("warning: the production build is older than the sources (npm run build to refresh)");
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${file}`,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SIGN_IN_LIMIT: "1000",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`started next start (pid ${server.pid}) on ${base} with ${file}`);
}

try {
  await waitForHealth(base);
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: args.email, password: args.password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  const pages: { path: string; expect: string }[] = [
    { path: "/instructor", expect: "Class roster and completion" },
    { path: "/instructor?sort=overall&dir=desc&page=5", expect: "Class roster and completion" },
    { path: "/instructor/exercises/batchnorm-backward", expect: "Submits until the first pass" },
    { path: "/instructor/quizzes/normalizing-activations", expect: "Item analysis" },
    { path: "/instructor/students/load-00001", expect: "Quiz attempts" },
    { path: "/api/instructor/grades", expect: "Name,Email" },
  ];
  const results: { path: string; median: number; min: number; max: number; bytes: number }[] = [];
  for (const page of pages) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < args.runs + 2; i++) {
      const started = performance.now();
      const response = await fetch(base + page.path, { headers: { cookie } });
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200 || !body.includes(page.expect)) throw new Error(`${page.path}: HTTP ${response.status}, expected text missing`);
      bytes = body.length;
      if (i >= 2) times.push(elapsed); // the first two warm caches and JIT
    }
    times.sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    results.push({ path: page.path, median, min: times[0], max: times.at(-1) ?? 0, bytes });
  }
  console.log(`\nInstructor dashboard render times (${args.runs} sequential requests each after 2 warm-ups):`);
  // Other processes on a small machine inflate these numbers: print the load next to them.
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} on this machine`);
  for (const r of results) {
    console.log(
      `  ${r.path.padEnd(48)} median ${r.median.toFixed(0).padStart(5)} ms  (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})  ${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
} finally {
  if (server?.pid) {
    server.kill("SIGTERM");
    console.log(`stopped server pid ${server.pid}`);
  }
}
