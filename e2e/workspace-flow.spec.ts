import { expect, test } from "@playwright/test";
import { signIn, signUpNewStudent } from "./helpers/auth";
import { CORRECT_FORWARD, editor, expectEditorToContain, openExercise, pasteIntoEditor, replaceCode, SYNTAX_ERROR_FORWARD, UNBIASED_FORWARD } from "./workspace-helpers";

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1";
};

test("a student runs, fixes and submits an exercise, entirely on localhost with a clean console", async ({ page }) => {
  const urls: string[] = [];
  const consoleErrors: string[] = [];
  page.context().on("request", (r) => urls.push(r.url()));
  page.on("worker", (w) => urls.push(w.url()));
  page.on("console", (m) => {
    // favicon.ico is the app shell's (no icon yet), not the workspace's.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  // Under the CSP (proxy.ts) a blocked script, style or worker is reported here too.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const pageCsp: string[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "document") pageCsp.push(r.headers()["content-security-policy"] ?? "");
  });

  await signUpNewStudent(page, "Workspace Student");
  await openExercise(page);
  await expectEditorToContain(page, "export function batchnormForward(");
  await expectEditorToContain(page, "TODO: compute the per-feature mean");

  // Run: public tests only, with a tensor diff of expected vs actual.
  await page.getByRole("button", { name: /^Run/ }).click();
  const results = page.getByTestId("results");
  // A practice Run counts passing public tests; it is not called "failed — score 0%".
  await expect(results.getByTestId("verdict")).toHaveText(/^Run: 0 of \d+ public tests pass$/);
  await expect(results.getByRole("heading", { name: "Public tests", exact: true })).toBeVisible();
  await expect(results.getByRole("heading", { name: "Hidden tests" })).toHaveCount(0);
  await expect(results.getByTestId("tensor-diff").first()).toBeVisible();
  expect(await results.locator("[data-mismatch]").count()).toBeGreaterThan(0);
  await expect(results.getByText(/Worst absolute error/)).toHaveCount(0);
  await expect(page.getByTestId("announcer")).toContainText("Run: 0 of");

  // A known-wrong solution names its misconception, linked to the lesson.
  await replaceCode(page, UNBIASED_FORWARD);
  await page.getByRole("button", { name: /^Submit/ }).click();
  const misconception = page.getByTestId("misconception-unbiased-variance");
  await expect(misconception).toContainText("N − 1");
  await expect(misconception.getByRole("link", { name: "Review this in the lesson" })).toHaveAttribute("href", /^\/lessons\/[a-z-]+#[a-z-]+$/);

  // A correct solution typed into Monaco passes on Submit (keyboard shortcut) and joins the history.
  await replaceCode(page, CORRECT_FORWARD);
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Shift+Enter");
  await expect(results.getByTestId("verdict")).toHaveText("passed");
  await expect(results.getByTestId("score")).toHaveText("100%");
  await expect(results.getByRole("heading", { name: "Hidden tests" })).toBeVisible();
  await expect(page.getByTestId("announcer")).toContainText("Submission passed");
  const history = page.getByTestId("history-entry");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("passed");
  await expect(history.first()).toContainText("100%");

  // History: code read-only and a diff against the previous submission.
  await history.first().getByRole("button", { name: "View code" }).click();
  await expect(history.first().getByTestId("history-code")).toContainText("variance.push(v / n);");
  await history.first().getByRole("button", { name: "Diff with previous" }).click();
  await expect(history.first().getByTestId("submission-diff").locator(".monaco-diff-editor")).toBeVisible();

  // After a reload the history is still there (stored, not just client state).
  await page.reload();
  await expect(page.getByTestId("history-entry")).toHaveCount(2);

  expect(consoleErrors).toEqual([]);
  expect(pageCsp.length).toBeGreaterThan(0);
  for (const csp of pageCsp) expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  const external = urls.filter((u) => !isLocal(u));
  expect(external).toEqual([]);
  expect(urls.some((u) => u.includes("/api/exercises/batchnorm-forward/submissions"))).toBe(true);
});

test("a syntax error becomes a Monaco marker at its line and column", async ({ page }) => {
  await signUpNewStudent(page, "Syntax Student");
  await openExercise(page);
  await replaceCode(page, SYNTAX_ERROR_FORWARD);
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByTestId("compile-errors")).toContainText("Line 3, column 16");
  // The markers Monaco itself holds for the model (read back from monaco.editor.getModelMarkers).
  const markers = async () => JSON.parse((await editor(page).getAttribute("data-grader-markers")) ?? "[]") as unknown;
  await expect.poll(markers).toEqual([expect.objectContaining({ line: 3, column: 16 })]);
  await expect(editor(page).locator(".squiggly-error").first()).toBeVisible();
});

test("the draft survives a reload and opens in a second browser", async ({ page, browser }) => {
  const account = await signUpNewStudent(page, "Draft Student");
  await openExercise(page, "layernorm-forward");
  const marker = `// draft-marker-${Date.now()}`;
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await pasteIntoEditor(page, `\n${marker}\n`);
  await expect(page.getByTestId("save-state")).toHaveText("Draft saved");

  await page.reload();
  await expectEditorToContain(page, marker);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await openExercise(otherPage, "layernorm-forward");
  await expectEditorToContain(otherPage, marker);

  // Reset to starter asks first, then replaces the code.
  await otherPage.getByRole("button", { name: "Reset to starter" }).click();
  const dialog = otherPage.getByRole("dialog", { name: "Reset to the starter code?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expectEditorToContain(otherPage, marker);
  await otherPage.getByRole("button", { name: "Reset to starter" }).click();
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(editor(otherPage).locator(".view-lines")).not.toContainText(marker);
  await expectEditorToContain(otherPage, "export function layernormForward(");
  await other.close();
});

test("Monaco is not loaded on other pages", async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.text().catch(() => ""));
  });
  await signUpNewStudent(page, "Lesson Reader");
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { name: "Coding exercises" })).toBeVisible();
  const scripts = await Promise.all(bodies);
  expect(scripts.length).toBeGreaterThan(0);
  // Monaco's code names its root CSS class; no script of these pages may contain it.
  expect(scripts.filter((s) => s.includes("monaco-editor")).length).toBe(0);
  expect(await page.evaluate(() => document.querySelector(".monaco-editor") !== null)).toBe(false);
});
