/**
 * `npx tsx scripts/measure-pages.ts`: the student pages' speed on the
 * production build (run `npm run build` first), as issue 18 asks for it:
 *  1. the first request after the server starts (scripts/start.ts, which warms
 *     up before it opens the port): time from the port opening to the home
 *     page's complete HTML, and from spawn to that response;
 *  2. warm server: each student page's HTML, signed in, p50/p95 of N requests;
 *  3. the exercise page in Chromium with an empty cache: navigation start →
 *     editor usable (Monaco has drawn the student's code and a key typed into
 *     it shows in the editor's text: scripts/measure/editor-load-breakdown.ts),
 *     with the number and size of the responses, then one load broken down
 *     (bytes on the wire and decoded, compression, caching, long tasks).
 * Starts its own server on a free port with a throw-away database and stops
 * it. Prints figures; asserts nothing (timings are not test conditions).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumPath } from "../e2e/helpers/chromium";
import { freePort } from "./free-port";
import { printEditorLoadBreakdown, waitForUsableEditor } from "./measure/editor-load-breakdown";

const REQUESTS = Number(process.env.MEASURE_REQUESTS ?? 40);
const EDITOR_LOADS = Number(process.env.MEASURE_EDITOR_LOADS ?? 7);
const STUDENT = { email: "student@example.com", password: "student-password-123" };
const PAGES = [
  "/",
  "/lessons",
  "/lessons/normalizing-activations",
  "/quizzes/normalizing-activations",
  "/exercises",
  "/exercises/batchnorm-forward",
  "/exercises/batchnorm-backward",
  "/dashboard",
  "/lab",
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)];
const ms = (n: number) => `${Math.round(n)} ms`;

/** Polls "/" until the port answers; returns how long that first complete response took. */
async function firstResponse(base: string, server: ChildProcess): Promise<{ firstMs: number; status: number }> {
  // Migrate, seed and warm-up take a minute or more when the machine is busy.
  const deadline = performance.now() + 300_000;
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const started = performance.now();
    try {
      const response = await fetch(`${base}/`, { redirect: "manual" });
      await response.arrayBuffer();
      return { firstMs: performance.now() - started, status: response.status };
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error("server did not answer");
}

async function timeHtml(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

const port = await freePort();
const base = `http://localhost:${port}`;
const dbFile = path.resolve("prisma/measure-pages.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
const spawned = performance.now();
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SKIP_BUILD: "1", SEED_DEMO_DATA: "true", DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});

try {
  const first = await firstResponse(base, server);
  const startup = performance.now() - spawned;

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const signInContext = await browser.newContext({ baseURL: base });
  const signInPage = await signInContext.newPage();
  await signInPage.goto("/sign-in");
  await signInPage.getByLabel("Email").fill(STUDENT.email);
  await signInPage.getByLabel("Password").fill(STUDENT.password);
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await signInPage.getByTestId("signed-in-user").waitFor();
  const cookies = await signInContext.cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  await signInContext.close();

  // 2. Warm server: every student page's HTML.
  const rows: string[] = [];
  let worstP95 = 0;
  for (const page of PAGES) {
    for (let i = 0; i < 3; i++) await timeHtml(base + page, cookie); // warm this page
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await timeHtml(base + page, cookie));
    worstP95 = Math.max(worstP95, percentile(times, 0.95));
    rows.push(`  ${page.padEnd(36)} p50 ${ms(percentile(times, 0.5)).padStart(7)}   p95 ${ms(percentile(times, 0.95)).padStart(7)}`);
  }

  // 3. Exercise page, empty cache each time: navigation start → editor usable.
  const editorTimes: number[] = [];
  const drawnTimes: number[] = [];
  let requests = 0;
  let bytes = 0;
  for (let i = 0; i < EDITOR_LOADS; i++) {
    const context = await browser.newContext({ baseURL: base });
    await context.addCookies(cookies);
    const page = await context.newPage();
    let count = 0;
    page.on("response", () => count++);
    await page.goto("/exercises/batchnorm-forward", { waitUntil: "commit" });
    const { drawnMs, usableMs } = await waitForUsableEditor(page);
    editorTimes.push(usableMs);
    drawnTimes.push(drawnMs);
    // The TypeScript worker (deferred) may still be arriving; count what came within 30 s.
    await page.waitForLoadState("networkidle").catch(() => {});
    requests = count;
    // Sizes from the page's own resource timing once it is idle: reading each body over
    // the DevTools protocol during the load would cost the CPU being measured.
    bytes = await page.evaluate(() =>
      performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
    );
    await context.close();
  }

  console.log(`Page figures on the production build (${base}):`);
  console.log(`First request after start: ${ms(first.firstMs)} for "/" (HTTP ${first.status}) once the port opened; ${(startup / 1000).toFixed(1)} s from spawn (migrate, seed, warm-up) to that response.`);
  console.log(`Warm server, HTML of each student page signed in (${REQUESTS} requests each):`);
  for (const row of rows) console.log(row);
  console.log(`  worst p95: ${ms(worstP95)}`);
  console.log(`Exercise page, empty cache, navigation start → editor usable, i.e. a typed key shows in it (${EDITOR_LOADS} loads):`);
  console.log(
    `  median ${ms(percentile(editorTimes, 0.5))}, p95 ${ms(percentile(editorTimes, 0.95))}, min ${ms(Math.min(...editorTimes))}, max ${ms(Math.max(...editorTimes))}; ${requests} responses, ${(bytes / 1024 / 1024).toFixed(2)} MB decoded`,
  );
  console.log(`  (code drawn: median ${ms(percentile(drawnTimes, 0.5))}, min ${ms(Math.min(...drawnTimes))})`);
  await printEditorLoadBreakdown(browser, base, cookies);
  await browser.close();
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}
