/**
 * The regrade story from issue 14: an instructor changes what a hidden test
 * expects (the reference of batchnorm-forward now divides by N − 1, in a copy
 * of the content on a server of this spec's own), rebuilds the manifest, sees
 * how many submissions were graded against older content, regrades them,
 * reviews the changed verdicts, applies them — and students' dashboards then
 * show the new results.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, uniqueEmail } from "./helpers/auth";
import { type OwnServer, startOwnServer } from "./helpers/own-server";
import { CORRECT_FORWARD, UNBIASED_FORWARD } from "./workspace-helpers";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let server: OwnServer;
let n = 0;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer();
});

test.afterAll(async () => {
  await server?.stop();
});

async function studentPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("regrade"));
  await page.getByLabel("Password").fill("a-good-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(name);
  return page;
}

async function submit(page: Page, code: string): Promise<void> {
  const response = await page.request.post("/api/exercises/batchnorm-forward/submissions", {
    data: { code, language: "typescript", mode: "submit", clientRequestId: `regrade-spec-${Date.now()}-${++n}` },
  });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { status: string }).status).toBe("graded");
}

async function forwardStatus(page: Page): Promise<string> {
  await page.goto("/dashboard");
  return ((await page.getByTestId("exercise-batchnorm-forward").textContent()) ?? "").toLowerCase();
}

test("an instructor regrades submissions after changing what the hidden tests expect; dashboards follow on apply", async ({ browser }) => {
  // 12 submits: Ada's 4 are correct, Ben's 4 divide by N − 1, Cy has 2 of each
  const ada = await studentPage(browser, "Ada Regrade");
  const ben = await studentPage(browser, "Ben Regrade");
  const cy = await studentPage(browser, "Cy Regrade");
  for (const [page, codes] of [
    [ada, [CORRECT_FORWARD, CORRECT_FORWARD, CORRECT_FORWARD, CORRECT_FORWARD]],
    [ben, [UNBIASED_FORWARD, UNBIASED_FORWARD, UNBIASED_FORWARD, UNBIASED_FORWARD]],
    [cy, [CORRECT_FORWARD, UNBIASED_FORWARD, CORRECT_FORWARD, UNBIASED_FORWARD]],
  ] as const) {
    for (const code of codes) await submit(page, code);
  }
  expect(await forwardStatus(ada)).toContain("passed");
  expect(await forwardStatus(ben)).not.toContain("passed");

  const context = await browser.newContext({ baseURL: server.baseURL });
  const instructor = await context.newPage();
  await instructor.goto("/sign-in");
  await instructor.getByLabel("Email").fill(DEMO_INSTRUCTOR.email);
  await instructor.getByLabel("Password").fill(DEMO_INSTRUCTOR.password);
  await instructor.getByRole("button", { name: "Sign in" }).click();
  await expect(instructor.getByTestId("signed-in-user")).toBeVisible();
  await instructor.goto("/instructor/exercises/batchnorm-forward");
  await instructor.getByRole("link", { name: /Regrade submissions/ }).click();
  await expect(instructor.getByTestId("stale-count")).toContainText("0 submissions graded against older content");

  // the instructor's edit, in the copy this server serves, then the rebuild
  const reference = path.join(server.root, "batchnorm-forward", "reference.ts");
  writeFileSync(reference, readFileSync(reference, "utf8").replace("squares / n;", "squares / (n - 1);"));
  server.rebuildContent();
  await instructor.reload();
  await expect(instructor.getByTestId("stale-count")).toContainText("12 submissions graded against older content");

  await instructor.getByRole("button", { name: "Regrade 12 submissions" }).click();
  await expect(instructor.getByRole("button", { name: "Apply new results" })).toBeVisible({ timeout: 60_000 });
  await expect(instructor.getByTestId("regrade-job")).toContainText("12 of 12 regraded");
  await expect(instructor.getByTestId("change-summary")).toContainText("6 failed → passed, 6 passed → failed");
  const changes = instructor.getByTestId("regrade-changes");
  await expect(changes.getByRole("row", { name: /Ada Regrade/ })).toHaveCount(4);
  await expect(changes.getByRole("row", { name: /Ada Regrade/ }).first()).toContainText("passed → failed");
  await expect(changes.getByRole("row", { name: /Ben Regrade/ }).first()).toContainText("failed → passed");

  // staged: students still see the results they had
  expect(await forwardStatus(ada)).toContain("passed");
  expect(await forwardStatus(ben)).not.toContain("passed");

  await instructor.getByRole("button", { name: "Apply new results" }).click();
  await expect(instructor.getByTestId("regrade-job")).toContainText("Applied");
  await expect(instructor.getByTestId("stale-count")).toContainText("0 submissions graded against older content");

  expect(await forwardStatus(ada)).not.toContain("passed");
  expect(await forwardStatus(ben)).toContain("passed");
  expect(await forwardStatus(cy)).toContain("passed");
  await context.close();
});
