/**
 * What the exercise page downloads and waits for before its editor is usable,
 * for scripts/measure-pages.ts: one empty-cache load watched through the
 * Chrome DevTools Protocol (every response's bytes on the wire and decoded,
 * its Content-Encoding and Cache-Control), the main thread's long tasks, and
 * the moments that matter (HTML, DOMContentLoaded, Monaco's chunk, the editor
 * drawn, a keypress in the model, when Monaco creates its workers).
 * Prints figures only; asserts nothing.
 */
import type { Browser, BrowserContext, Cookie, Page } from "@playwright/test";

interface Wire {
  url: string;
  type: string;
  encoding: string;
  cacheControl: string;
  started: number;
  finished: number;
  wireBytes: number;
  bodyBytes: number;
}

const EXERCISE = "/exercises/batchnorm-forward";
/** One character typed to prove the editor takes input (drafts autosave, so earlier loads' probes are counted first). */
const PROBE = "ǂ";

/**
 * Navigation start → the student's code drawn, and → a typed key shown. Both
 * moments are stamped by the page on the animation frame that shows them:
 * Playwright's own waits poll with back-off (up to 500 ms between checks),
 * which would add their lag to the figure.
 */
export async function waitForUsableEditor(page: Page): Promise<{ drawnMs: number; usableMs: number }> {
  const drawn = await page.waitForFunction(
    () => ((document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").includes("batchnormForward") ? performance.now() : 0),
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const drawnMs = (await drawn.jsonValue()) as number;
  // A click is how a student focuses it (Monaco may take keys through an EditContext, not its textarea).
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Home");
  const count = () => page.locator(".view-lines").evaluate((el, probe) => (el.textContent ?? "").split(probe).length - 1, PROBE);
  const before = await count();
  await page.keyboard.type(PROBE);
  const shown = await page.waitForFunction(
    ({ probe, before }) =>
      (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").split(probe).length - 1 > before ? performance.now() : 0,
    { probe: PROBE, before },
    { polling: "raf", timeout: 60_000 },
  );
  const usableMs = (await shown.jsonValue()) as number;
  return { drawnMs, usableMs };
}

/** Opens the exercise page once with an empty cache; the context holds the signed-in cookies. */
export async function openExerciseWithEmptyCache(browser: Browser, base: string, cookies: Cookie[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base });
  await context.addCookies(cookies);
  const page = await context.newPage();
  return { context, page };
}

function kindOf(url: string, type: string): string {
  if (/ts\.worker|typescript/i.test(url)) return "TypeScript worker";
  if (/worker/i.test(url)) return `${type} (worker)`;
  return type;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export async function printEditorLoadBreakdown(browser: Browser, base: string, cookies: Cookie[]): Promise<void> {
  const { context, page } = await openExerciseWithEmptyCache(browser, base, cookies);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const wires = new Map<string, Wire>();
  let origin = 0; // CDP's monotonic clock at navigation start, in seconds
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!origin && e.type === "Document") origin = e.timestamp;
    wires.set(e.requestId, { url: e.request.url, type: e.type ?? "Other", encoding: "", cacheControl: "", started: e.timestamp, finished: 0, wireBytes: 0, bodyBytes: 0 });
  });
  cdp.on("Network.responseReceived", (e) => {
    const wire = wires.get(e.requestId);
    if (!wire) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    wire.encoding = headers["content-encoding"] ?? "none";
    wire.cacheControl = headers["cache-control"] ?? "";
    wire.type = e.type ?? wire.type;
  });
  cdp.on("Network.dataReceived", (e) => {
    const wire = wires.get(e.requestId);
    if (wire) wire.bodyBytes += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const wire = wires.get(e.requestId);
    if (!wire) return;
    wire.finished = e.timestamp;
    wire.wireBytes = e.encodedDataLength;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __workerStarts: { name: string; at: number }[] };
    w.__longTasks = [];
    // When Monaco creates its workers (the TypeScript service is held back until the editor has settled).
    w.__workerStarts = [];
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workerStarts.push({ name: options?.name ?? String(url), at: performance.now() });
      }
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });

  await page.goto(EXERCISE, { waitUntil: "commit" });
  const { drawnMs, usableMs } = await waitForUsableEditor(page);
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    return { htmlDone: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, longTasks: w.__longTasks };
  });
  await page.waitForLoadState("networkidle").catch(() => {});
  const workerStarts = await page
    .waitForFunction(() => {
      const starts = (window as unknown as { __workerStarts: { name: string; at: number }[] }).__workerStarts;
      return starts.length > 0 ? starts : null;
    }, undefined, { timeout: 10_000 })
    .then((handle) => handle.jsonValue() as Promise<{ name: string; at: number }[]>)
    .catch(() => []);
  await context.close();

  const at = (t: number) => (t - origin) * 1000;
  const all = [...wires.values()].filter((w) => w.finished);
  const before = all.filter((w) => at(w.finished) <= usableMs);
  const sum = (list: Wire[], key: "wireBytes" | "bodyBytes") => list.reduce((s, w) => s + w[key], 0);
  console.log(`Exercise page breakdown (one empty-cache load of ${EXERCISE}):`);
  console.log(
    `  HTML complete ${Math.round(marks.htmlDone)} ms, DOMContentLoaded ${Math.round(marks.domContentLoaded)} ms, editor drawn ${Math.round(drawnMs)} ms, keypress in the model ${Math.round(usableMs)} ms`,
  );
  console.log(
    `  before usable: ${before.length} responses, ${kb(sum(before, "wireBytes"))} on the wire, ${kb(sum(before, "bodyBytes"))} decoded; whole load: ${all.length} responses, ${kb(sum(all, "wireBytes"))} on the wire, ${kb(sum(all, "bodyBytes"))} decoded`,
  );
  const groups = new Map<string, Wire[]>();
  for (const w of all) groups.set(kindOf(w.url, w.type), [...(groups.get(kindOf(w.url, w.type)) ?? []), w]);
  for (const [kind, list] of groups) {
    const encodings = [...new Set(list.map((w) => w.encoding))].join("/");
    const caching = [...new Set(list.map((w) => w.cacheControl || "(none)"))].join(" | ");
    console.log(
      `  ${kind.padEnd(20)} ${String(list.length).padStart(3)} × ${kb(sum(list, "wireBytes")).padStart(8)} wire ${kb(sum(list, "bodyBytes")).padStart(8)} decoded  encoding ${encodings}; cache-control ${caching}`,
    );
  }
  const biggest = [...all].sort((a, b) => b.bodyBytes - a.bodyBytes).slice(0, 6);
  for (const w of biggest) {
    console.log(`    ${kb(w.bodyBytes).padStart(8)} (${kb(w.wireBytes)} wire) ${Math.round(at(w.started))}→${Math.round(at(w.finished))} ms ${new URL(w.url).pathname}`);
  }
  console.log(
    `  web workers created: ${workerStarts.length ? workerStarts.map((w) => `${w.name} at ${Math.round(w.at)} ms (${Math.round(w.at - drawnMs)} ms after the code was drawn)`).join(", ") : "none within 10 s"}`,
  );
  const blocking = marks.longTasks.filter((t) => t.start < usableMs);
  console.log(
    `  main-thread long tasks before usable: ${blocking.length}, ${Math.round(blocking.reduce((s, t) => s + t.duration, 0))} ms in all; longest ${blocking
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 4)
      .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.start)}`)
      .join(", ")}`,
  );
}
