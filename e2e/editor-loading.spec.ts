import { expect, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { editor, expectEditorToContain } from "./workspace-helpers";

const EXERCISE_PATH = "/exercises/batchnorm-forward";

/** Script chunks the page's HTML names (its own code and the flight data's client chunks); the rest load later: Monaco and its parts. */
async function scriptsNamedByPage(page: import("@playwright/test").Page): Promise<Set<string>> {
  const html = await (await page.request.get(EXERCISE_PATH)).text();
  return new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]));
}

test("an editor that cannot be downloaded says so, keeps the draft, and opens on Try again", async ({ page }) => {
  await signUpNewStudent(page, "Offline Student");
  const named = await scriptsNamedByPage(page);
  const lazyScript = (url: URL) => url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js") && !named.has(url.pathname);
  let refused = 0;
  await page.route(lazyScript, (route) => {
    refused++;
    return route.abort("internetdisconnected");
  });

  await page.goto(EXERCISE_PATH);
  const failure = page.getByTestId("editor-load-failed");
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText("The editor could not be loaded");
  expect(refused).toBeGreaterThan(0);
  await expect(editor(page).locator(".monaco-editor")).toHaveCount(0);

  await page.unrouteAll();
  await failure.getByRole("button", { name: "Try again" }).click();
  await expectEditorToContain(page, "export function batchnormForward(");
  await expect(failure).toHaveCount(0);
});

test("a first load fetches each script once (the early Monaco request and the editor's share one download)", async ({ page }) => {
  await signUpNewStudent(page, "Single Download Student");
  const named = await scriptsNamedByPage(page);
  const scripts: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js")) scripts.push(url.pathname);
  });
  await page.goto(EXERCISE_PATH);
  await expectEditorToContain(page, "export function batchnormForward(");
  await page.waitForLoadState("networkidle");

  const lazy = scripts.filter((path) => !named.has(path));
  expect(lazy.length).toBeGreaterThan(0); // Monaco came as chunks of its own, after the page's scripts
  const repeated = scripts.filter((path, i) => scripts.indexOf(path) !== i);
  expect(repeated).toEqual([]);
});
