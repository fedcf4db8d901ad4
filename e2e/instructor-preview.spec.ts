/**
 * The instructor's exercise preview (issues 14 and 20): every test with its
 * hidden data, the reference's run, each known mistake caught and labelled,
 * and a pasted known-wrong solution (N − 1 variance) graded as a student's
 * submission with the misconception named. Students reach neither the page
 * nor its server action.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { UNBIASED_FORWARD } from "./workspace-helpers";

const PREVIEW = "/instructor/exercises/batchnorm-forward/preview";

test.describe.configure({ mode: "serial", timeout: 180_000 });

async function noSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  expect(serious, label).toEqual([]);
}

let hiddenHint = "";
let actionRequest: { headers: Record<string, string>; body: Buffer } | null = null;
/** a stretch of a hidden hint with no character JSON would escape */
const hintProbe = () => hiddenHint.slice(0, 24).split(/["\\]/)[0];

test("an instructor previews batchnorm-forward and grades a pasted N − 1 variance solution", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.goto("/instructor/exercises/batchnorm-forward");
  await page.getByRole("link", { name: /^Preview/ }).click();
  await expect(page).toHaveURL(PREVIEW);

  // The prompt as students see it.
  await expect(page.getByRole("article", { name: /^Exercise: Batch norm forward pass/ })).toBeVisible();

  // The first load computes the checker's run; later loads read the cache.
  await expect(page.getByTestId("reference-verdict")).toContainText("Reference passes", { timeout: 120_000 });
  const hidden = page.locator('[data-testid="author-tests"] tbody tr[data-visibility="hidden"]');
  expect(await hidden.count()).toBeGreaterThanOrEqual(8);
  const firstHidden = hidden.first();
  await expect(firstHidden.locator("td").nth(0)).toHaveText("hidden");
  await expect(firstHidden.locator("td").nth(1)).toHaveText(/^[1-9]\d*$/); // points
  hiddenHint = ((await firstHidden.locator("td").nth(4).textContent()) ?? "").trim();
  expect(hiddenHint.length).toBeGreaterThan(10);
  await expect(page.locator('[data-testid="author-tests"] tbody tr[data-status="passed"]')).toHaveCount(await page.locator('[data-testid="author-tests"] tbody tr').count());

  // Every known mistake caught by a hidden test and labelled as itself.
  const mistakes = page.locator('[data-testid="mistakes"] tbody tr');
  expect(await mistakes.count()).toBeGreaterThanOrEqual(5);
  await expect(page.locator('[data-testid="mistakes"] tbody tr[data-caught="no"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="mistakes"] tbody tr[data-label="wrong"]')).toHaveCount(0);
  await expect(page.getByTestId("mistake-unbiased-variance")).toContainText("right");
  await expect(page.getByTestId("confusion-matrix")).toBeVisible();

  // Paste a known-wrong solution and grade it as a student would be graded.
  await page.getByRole("textbox", { name: "Solution" }).fill(UNBIASED_FORWARD);
  const captured = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(PREVIEW) && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Grade as a student's submission" }).click();
  const request = await captured;
  actionRequest = { headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
  const result = page.getByTestId("pasted-result");
  await expect(result.getByTestId("verdict")).toHaveText("failed", { timeout: 60_000 });
  await expect(result.getByTestId("misconception-unbiased-variance")).toContainText("N − 1");
  // The author view of the same grading: hidden tests with their verdicts.
  await expect(result.locator('[data-testid="pasted-author-view"] tr[data-visibility="hidden"][data-status="failed"]').first()).toBeVisible();

  await noSeriousViolations(page, "preview with a pasted grading");

  // The same action request replayed with the instructor's cookie carries the author view,
  // so the student's replay below can fail.
  const { cookie: _cookie, "content-length": _length, ...headers } = actionRequest.headers;
  const own = await page.request.post(PREVIEW, { headers, data: actionRequest.body, maxRedirects: 0 });
  expect(await own.text()).toContain(hintProbe());
});

test("a student reaches neither the preview page nor its server action", async ({ page }) => {
  await signUpNewStudent(page, "Preview Outsider");
  const response = await page.goto(PREVIEW);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("author-tests")).toHaveCount(0);

  // Replay the instructor's server-action request with the student's cookie.
  expect(actionRequest).not.toBeNull();
  const { cookie: _cookie, "content-length": _length, ...headers } = actionRequest!.headers;
  const replay = await page.request.post(PREVIEW, { headers, data: actionRequest!.body, maxRedirects: 0 });
  const body = await replay.text();
  expect(body).not.toContain(hintProbe());
  expect(body).not.toContain('"expected"');
  expect(body).not.toContain('"inputs"');
});
