/**
 * `npx tsx scripts/measure-workspace.ts`: measures the coding workspace on the
 * production build (run `npm run build` first) in Debian's Chromium:
 *  - time from the Submit click to the rendered report for a correct
 *    solution (median and p90 of 20, after 2 warm-up submissions);
 *  - the exercise page's JavaScript with and without Monaco: the scripts the
 *    HTML names vs everything loaded once the editor is ready (raw and gzip).
 * Starts its own server on a free port with a throw-away database and stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumPath } from "../e2e/helpers/chromium";
import { CORRECT_FORWARD, openExercise, replaceCode } from "../e2e/workspace-helpers";
import { freePort } from "./free-port";

const RUNS = Number(process.env.MEASURE_RUNS ?? 20);
const EXERCISE = "batchnorm-forward";


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

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const port = await freePort();
const base = `http://localhost:${port}`;
const dbFile = path.resolve("prisma/measure-workspace.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SKIP_BUILD: "1",
    SEED_DEMO_DATA: "true",
    DATABASE_URL: `file:${dbFile}`,
    SUBMISSION_RATE_LIMIT_POINTS: "10000",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});

try {
  await waitForHealth(base, server);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("student-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();

  // JavaScript of the exercise page: what the HTML loads vs all scripts after Monaco is ready.
  const scripts = new Map<string, Buffer>();
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script" && r.ok()) scripts.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  const html = (await (await page.goto(`/exercises/${EXERCISE}`))?.text()) ?? "";
  await openExercise(page, EXERCISE);
  await page.waitForLoadState("networkidle");
  // "Without Monaco": every script the server's HTML names (script tags and the
  // RSC payload's client chunks); Monaco arrives later through next/dynamic.
  const inHtml = (url: string) => html.includes(new URL(url).pathname);
  const size = (filter: (url: string) => boolean) => {
    const bodies = [...scripts].filter(([url]) => filter(url)).map(([, body]) => body);
    return { raw: bodies.reduce((s, b) => s + b.length, 0), gzip: bodies.reduce((s, b) => s + gzipSync(b).length, 0), files: bodies.length };
  };
  const without = size(inHtml);
  const withMonaco = size(() => true);

  // Submit → rendered report, for a correct solution.
  await replaceCode(page, CORRECT_FORWARD);
  const submit = page.getByRole("button", { name: /^Submit/ });
  const entries = page.getByTestId("history-entry");
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const before = await entries.count();
    const started = performance.now();
    await submit.click();
    await entries.nth(before).waitFor();
    await page.getByTestId("verdict").filter({ hasText: "passed" }).waitFor();
    if (i >= 2) times.push(performance.now() - started);
  }
  await browser.close();

  console.log(`Submit click → rendered report (correct ${EXERCISE}, ${RUNS} runs after 2 warm-ups):`);
  console.log(`  median ${percentile(times, 0.5).toFixed(0)} ms, p90 ${percentile(times, 0.9).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  console.log(`Exercise page JavaScript (${base}/exercises/${EXERCISE}):`);
  console.log(`  without Monaco (scripts the HTML names): ${kb(without.raw)} raw, ${kb(without.gzip)} gzip, ${without.files} files`);
  console.log(`  with Monaco (all scripts once the editor is ready): ${kb(withMonaco.raw)} raw, ${kb(withMonaco.gzip)} gzip, ${withMonaco.files} files`);
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}
