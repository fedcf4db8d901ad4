/**
 * `npx tsx scripts/measure-dashboard.ts [--db a.db,b.db,postgresql://…] [--temp-postgres 5000,50000] [--url http://host:port] [--runs 9] [--only csv]`
 *
 * Measures every instructor page on loaded databases (fill them with
 * scripts/seed-load.ts, e.g. --students 500 / 5000 / 50000 into three files,
 * or `--database-url postgresql://…`). --db takes SQLite files and
 * PostgreSQL URLs; --temp-postgres seeds the given class sizes into a
 * throw-away PostgreSQL server first (scripts/measure/dashboard-targets.ts).
 * For each database (without --url) it starts the production server
 * (`next start`, the existing build) with that DATABASE_URL on a free port, signs in
 * as the demo instructor, warms each page up twice, then times full
 * responses (request sent → whole body received) sequentially and takes the
 * median. The grade CSV is measured three ways: time to its first byte
 * (median of 3), rows per second over one whole export, and how much the server's
 * resident memory (grader workers excluded) grows while it streams. A page
 * that answers an error is reported as FAIL in the table; the script goes on.
 * It ends with one table, a column per database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { z } from "zod";
import { buildIsCurrent } from "./build-fingerprint";
import { freePort } from "./free-port";
import { dashboardTargets } from "./measure/dashboard-targets";
import { treeRssMb } from "./loadtest/process-tree";

const argsSchema = z.object({
  db: z.string().optional(),
  "temp-postgres": z.string().optional(),
  url: z.string().url().optional(),
  runs: z.coerce.number().int().min(1).max(100).default(9),
  /** "csv": only the three CSV figures (e.g. after a change to the export alone) */
  only: z.enum(["all", "csv"]).default("all"),
  email: z.string().default("instructor@example.com"),
  password: z.string().default("instructor-password-123"),
});
const raw: Record<string, string> = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) raw[argv[i].replace(/^--/, "")] = argv[i + 1];
const args = argsSchema.parse(raw);

const PAGES: { path: string; expect: string }[] = [
  { path: "/instructor", expect: "Class roster and completion" },
  { path: "/instructor?sort=overall&dir=desc&page=5", expect: "Class roster and completion" },
  { path: "/instructor?filter=in-progress&sort=exercises&page=3", expect: "Class roster and completion" },
  { path: "/instructor/exercises/batchnorm-backward", expect: "Submits until the first pass" },
  { path: "/instructor/quizzes/normalizing-activations", expect: "Item analysis" },
  { path: "/instructor/students/load-00001", expect: "Quiz attempts" },
  { path: "/instructor/users", expect: "Users" },
  { path: "/api/instructor/roster?sort=overall&dir=desc", expect: '"rows"' },
  { path: "/api/instructor/exercises/batchnorm-backward", expect: '"passRate"' },
  { path: "/api/instructor/quizzes/normalizing-activations", expect: '"questions"' },
];
const CSV = "/api/instructor/grades";

type Cell = { ok: true; text: string } | { ok: false; text: string };
interface Column {
  label: string;
  cells: Map<string, Cell>;
  load: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const loadText = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join("/");

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

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: args.email, password: args.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function timePage(base: string, cookie: string, page: { path: string; expect: string }): Promise<Cell> {
  const times: number[] = [];
  for (let i = 0; i < args.runs + 2; i++) {
    const started = performance.now();
    try {
      const response = await fetch(base + page.path, { headers: { cookie } });
      const body = await response.text();
      if (response.status !== 200) return { ok: false, text: `FAIL HTTP ${response.status}` };
      if (!body.includes(page.expect)) return { ok: false, text: "FAIL (content)" };
    } catch (error) {
      return { ok: false, text: `FAIL ${(error as Error).message.slice(0, 40)}` };
    }
    if (i >= 2) times.push(performance.now() - started); // the first two warm caches and JIT
  }
  return { ok: true, text: `${median(times).toFixed(0)} ms` };
}

/**
 * Time to the first body byte, median of 3 after a warm-up. Each export is
 * read to its end: a cancelled export would still be finishing its current
 * chunk on the server (SQLite queries are synchronous) and delay the next.
 */
async function csvFirstByte(base: string, cookie: string): Promise<Cell> {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const response = await fetch(base + CSV, { headers: { cookie } });
    if (response.status !== 200 || !response.body) return { ok: false, text: `FAIL HTTP ${response.status}` };
    const reader = response.body.getReader();
    await reader.read();
    if (i >= 1) times.push(performance.now() - started);
    while (!(await reader.read()).done) {}
  }
  return { ok: true, text: `${median(times).toFixed(0)} ms` };
}

/** One whole export: rows per second, and the server's RSS growth (sampled every 50 ms) over its baseline. */
async function csvExport(base: string, cookie: string, serverPid: number | undefined): Promise<{ rate: Cell; memory: Cell }> {
  const baseline = serverPid ? treeRssMb(serverPid).server : 0;
  let peak = baseline;
  const sampler = serverPid ? setInterval(() => (peak = Math.max(peak, treeRssMb(serverPid).server)), 50) : null;
  try {
    const started = performance.now();
    const response = await fetch(base + CSV, { headers: { cookie } });
    if (response.status !== 200) return { rate: { ok: false, text: `FAIL HTTP ${response.status}` }, memory: { ok: false, text: "—" } };
    const body = await response.text();
    const seconds = (performance.now() - started) / 1000;
    const rows = body.split("\r\n").length - 2; // minus the header and the empty string after the last CRLF
    return {
      rate: { ok: true, text: `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s (${rows} rows, ${seconds.toFixed(1)} s)` },
      memory: { ok: true, text: serverPid ? `+${(peak - baseline).toFixed(0)} MB` : "n/a (--url)" },
    };
  } finally {
    if (sampler) clearInterval(sampler);
  }
}

async function startServer(databaseUrl: string): Promise<{ base: string; server: ChildProcess }> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", AUTH_SIGN_IN_LIMIT: "1000", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`started next start (pid ${server.pid}) on ${base} with ${databaseUrl}`);
  return { base, server };
}

async function measure(label: string, base: string, serverPid: number | undefined): Promise<Column> {
  const cells = new Map<string, Cell>();
  await waitForHealth(base);
  const cookie = await signIn(base);
  for (const page of args.only === "csv" ? [] : PAGES) {
    cells.set(page.path, await timePage(base, cookie, page));
    console.log(`  ${page.path.padEnd(58)} ${cells.get(page.path)?.text}`);
  }
  cells.set("CSV first byte", await csvFirstByte(base, cookie));
  const exported = await csvExport(base, cookie, serverPid);
  cells.set("CSV rows/s", exported.rate);
  cells.set("CSV server memory growth", exported.memory);
  for (const key of ["CSV first byte", "CSV rows/s", "CSV server memory growth"]) console.log(`  ${key.padEnd(58)} ${cells.get(key)?.text}`);
  return { label, cells, load: loadText() };
}

const columns: Column[] = [];
if (args.url) {
  columns.push(await measure(args.url, args.url.replace(/\/$/, ""), undefined));
} else {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run npm run build first");
  if (!buildIsCurrent()) console.warn("warning: the production build is older than the sources (npm run build to refresh)");
  const { targets, cleanup } = await dashboardTargets(args.db ?? (args["temp-postgres"] ? undefined : "prisma/load.db"), args["temp-postgres"]);
  try {
    for (const { label, databaseUrl } of targets) {
      console.log(`\n${label} (${databaseUrl}), load average before: ${loadText()}`);
      const { base, server } = await startServer(databaseUrl);
      try {
        columns.push(await measure(label, base, server.pid));
      } catch (error) {
        console.error(`  ${label}: ${(error as Error).message}`);
        columns.push({ label, cells: new Map(), load: loadText() });
      } finally {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    }
  } finally {
    cleanup();
  }
}

const rows = [...(args.only === "csv" ? [] : PAGES.map((p) => p.path)), "CSV first byte", "CSV rows/s", "CSV server memory growth"];
console.log(`\nInstructor pages, median of ${args.runs} sequential requests after 2 warm-ups (load average after each column in the last row):\n`);
console.log(`| page | ${columns.map((c) => c.label).join(" | ")} |`);
console.log(`|---|${columns.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| \`${row}\` | ${columns.map((c) => c.cells.get(row)?.text ?? "FAIL (not measured)").join(" | ")} |`);
console.log(`| load average (1/5/15 min) | ${columns.map((c) => c.load).join(" | ")} |`);
const failures = columns.flatMap((c) => [...c.cells.values()].filter((cell) => !cell.ok));
if (failures.length) console.log(`\n${failures.length} failure(s).`);
process.exitCode = failures.length ? 1 : 0;
