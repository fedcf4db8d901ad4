/**
 * `npx tsx scripts/measure-lab.ts`: measures the lab on the production build
 * (run `npm run build` first) in Debian's Chromium, signed in as the demo
 * instructor, and takes the README's screenshot (docs/lab-learning-rate.png):
 *  - each experiment's run time in the Web Worker (the lab reports it), with
 *    the reference layer, seed 1;
 *  - the longest main-thread task while an experiment trains, and in the
 *    second after its result arrives (the plots mount), and before the run
 *    (page load and the charts' off-screen warm-up; PerformanceObserver
 *    "longtask": only tasks over 50 ms exist), with the 1-minute load average
 *    (the machine is shared), and that task's CPU time from a Chromium trace
 *    (thread time: the load stretches it less than wall time);
 *    `--rounds=N` repeats every experiment N times;
 *  - the lab page's JavaScript (scripts the HTML names, raw and gzip) against
 *    the exercise page's (the same without Monaco), and the worker's script.
 * Starts its own server on a free port with a throw-away database and stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { chromiumPath } from "../e2e/helpers/chromium";
import { experimentIds } from "../lib/lab/experiments";
import { freePort } from "./free-port";

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Scripts the server's HTML names (script tags and the RSC payload's client chunks), raw and gzip. */
async function pageScripts(page: Page, url: string) {
  const scripts = new Map<string, Buffer>();
  const onResponse = async (r: import("@playwright/test").Response) => {
    if (r.request().resourceType() === "script" && r.ok()) scripts.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  };
  page.on("response", onResponse);
  const html = (await (await page.goto(url))?.text()) ?? "";
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const named = [...scripts].filter(([u]) => html.includes(new URL(u).pathname));
  return {
    urls: new Set(named.map(([u]) => new URL(u).pathname)),
    bodies: new Map(named.map(([u, b]) => [new URL(u).pathname, b])),
  };
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };

/** The longest task (CPU time, ms) on the thread that set `mark`, from the mark to `windowMs` after it. */
function longestCpuAfterMark(events: TraceEvent[], mark: string, windowMs: number): number {
  const m = events.find((e) => e.name === mark);
  if (!m) return Number.NaN;
  const tasks = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === "X" && (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") && e.ts + (e.dur ?? 0) >= m.ts && e.ts <= m.ts + windowMs * 1000);
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000));
}

function total(bodies: Buffer[]) {
  return { raw: bodies.reduce((s, b) => s + b.length, 0), gzip: bodies.reduce((s, b) => s + gzipSync(b).length, 0), files: bodies.length };
}

const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice("--rounds=".length) ?? 1);
const load = () => loadavg()[0].toFixed(1);

const port = await freePort();
const base = `http://localhost:${port}`;
const dbFile = path.resolve("prisma/measure-lab.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SKIP_BUILD: "1", SEED_DEMO_DATA: "true", DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});

try {
  await waitForHealth(base, server);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  // The demo instructor: the lab opens to students only once they pass its three exercises, and to instructors.
  await page.getByLabel("Email").fill("instructor@example.com");
  await page.getByLabel("Password").fill("instructor-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();

  const exercise = await pageScripts(page, "/exercises/batchnorm-forward");
  const lab = await pageScripts(page, "/lab/learning-rate");
  const labOnly = [...lab.bodies].filter(([u]) => !exercise.urls.has(u)).map(([, b]) => b);
  const exerciseTotal = total([...exercise.bodies.values()]);
  const labTotal = total([...lab.bodies.values()]);
  const beyond = total(labOnly);

  const workerUrls = new Set<string>();
  page.on("worker", (w) => workerUrls.add(w.url()));

  type Task = { start: number; duration: number };
  type Result = { round: number; id: string; workerMs: number; beforeRunMs: number; whileTrainingMs: number; secondAfterResultMs: number; secondAfterResultCpuMs: number; longTasks: number; loadBefore: string; loadAfter: string };
  const results: Result[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const id of experimentIds) {
      const loadBefore = load();
      await page.goto(`/lab/${id}`);
      await page.waitForLoadState("networkidle");
      // A student reads the page before running: the charts' off-screen warm-up (chart-warm-up.tsx) happens meanwhile.
      await page.waitForTimeout(1500);
      const { clickedAt, beforeRun } = await page.evaluate(() => {
        const tasks = (window as unknown as { __tasks: Task[] }).__tasks;
        const before = tasks.map((t) => t.duration);
        tasks.length = 0;
        return { clickedAt: performance.now(), beforeRun: before };
      });
      // A Chromium trace as well: the main thread's tasks with their CPU time (thread time), which the machine's load stretches less than wall time.
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
      const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
      await cdp.send("Tracing.start", { categories: "toplevel,blink.user_timing,__metadata", transferMode: "ReportEvents" });
      await page.getByRole("button", { name: "Run experiment" }).click();
      const status = page.getByTestId("lab-status");
      // The moment the worker's result arrives: the first render that shows "Finished".
      // (A string: tsx would wrap a named arrow function in a helper the page does not have.)
      const finishedAt = (await page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="lab-status"]');
        (function check() { if (el.textContent.includes("Finished")) { performance.mark("lab-result"); resolve(performance.now()); } else requestAnimationFrame(check); })();
      })`)) as number;
      await page.getByTestId("lab-takeaway").waitFor();
      // Charts mount in turns: wait until every plot has drawn its bars or lines, and at least one second after the result.
      // (Polled in the page: Playwright's waitForFunction with a string evaluates it, which the page's CSP forbids.)
      await page.evaluate(`new Promise((resolve) => {
        const drawn = () => [...document.querySelectorAll('figure[data-testid^="plot-"]')].every((f) => f.querySelector("svg.recharts-surface .recharts-bar-rectangle, svg.recharts-surface .recharts-line"));
        (function check() { if (drawn() && performance.now() > ${finishedAt + 1000}) resolve(); else requestAnimationFrame(check); })();
      })`);
      await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
      await cdp.send("Tracing.end");
      await traced;
      await cdp.detach();
      const text = (await status.textContent()) ?? "";
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: Task[] }).__tasks.slice());
      const during = tasks.filter((t) => t.start >= clickedAt && t.start + t.duration < finishedAt - 20).map((t) => t.duration);
      const after = tasks.filter((t) => t.start + t.duration >= finishedAt - 20 && t.start <= finishedAt + 1000).map((t) => t.duration);
      results.push({
        round,
        id,
        workerMs: Number(/Finished in ([\d.]+) s/.exec(text)?.[1]) * 1000,
        beforeRunMs: Math.max(0, ...beforeRun),
        whileTrainingMs: Math.max(0, ...during),
        secondAfterResultMs: Math.max(0, ...after),
        secondAfterResultCpuMs: longestCpuAfterMark(events, "lab-result", 1000),
        longTasks: tasks.length,
        loadBefore,
        loadAfter: load(),
      });
      if (id === "learning-rate" && round === 1) {
        mkdirSync("docs", { recursive: true });
        await page.screenshot({ path: "docs/lab-learning-rate.png", fullPage: true });
      }
    }
  }
  const workerScripts: Buffer[] = [];
  for (const u of workerUrls) workerScripts.push(await (await context.request.get(u)).body());
  await browser.close();

  console.log("Per experiment: run time in the worker (reference layer, seed 1); longest main-thread task before the run (load, warm-up), while training, and in the second after the result arrived (0 = none over 50 ms); 1-minute load average before → after:");
  for (const r of results)
    console.log(
      `  ${rounds > 1 ? `#${r.round} ` : ""}${r.id.padEnd(16)} ${(r.workerMs / 1000).toFixed(1)} s   before ${r.beforeRunMs.toFixed(0)} ms, training ${r.whileTrainingMs.toFixed(0)} ms, result ${r.secondAfterResultMs.toFixed(0)} ms (CPU ${r.secondAfterResultCpuMs.toFixed(0)} ms) (${r.longTasks} tasks over 50 ms since the click)   load ${r.loadBefore} → ${r.loadAfter}`,
    );
  console.log(`Lab page JavaScript (/lab/learning-rate, scripts the HTML names): ${kb(labTotal.raw)} raw, ${kb(labTotal.gzip)} gzip, ${labTotal.files} files`);
  console.log(`Exercise page JavaScript without Monaco: ${kb(exerciseTotal.raw)} raw, ${kb(exerciseTotal.gzip)} gzip, ${exerciseTotal.files} files`);
  console.log(`Lab scripts beyond the exercise page's: ${kb(beyond.raw)} raw, ${kb(beyond.gzip)} gzip, ${beyond.files} files`);
  console.log(`Lab worker script(s): ${kb(total(workerScripts).raw)} raw, ${kb(total(workerScripts).gzip)} gzip, ${workerScripts.length} files`);
  console.log("Screenshot: docs/lab-learning-rate.png");
  console.log(JSON.stringify({ results, labGzipKb: labTotal.gzip / 1024, exerciseGzipKb: exerciseTotal.gzip / 1024, beyondGzipKb: beyond.gzip / 1024, workerGzipKb: total(workerScripts).gzip / 1024 }));
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}
