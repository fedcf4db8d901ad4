import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a student reads a lesson: math, figures, slider, marked read at the end", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/lessons/why-batchnorm-works");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why does batch norm work?");
  await expect(page.locator("#covariate-shift")).toBeVisible();
  expect(await page.locator(".katex").count()).toBeGreaterThan(5);

  // Both figures are drawn as recharts SVGs.
  const shift = page.locator('[data-figure="figure-covariate-shift"]');
  const noise = page.locator('[data-figure="figure-batch-noise"]');
  await expect(shift.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(noise.locator("svg.recharts-surface")).toBeVisible();
  await expect(noise.locator(".recharts-scatter-symbol").first()).toBeVisible();

  // The slider changes the figure: new dots and a new description.
  const before = await noise.locator(".recharts-scatter").innerHTML();
  const description = page.getByTestId("batch-noise-description");
  await expect(description).toContainText("mini-batches of 16 examples");
  await noise.getByLabel("Batch size").fill("7");
  await expect(page.getByTestId("batch-size-value")).toHaveText("256");
  await expect(description).toContainText("mini-batches of 256 examples");
  await expect.poll(() => noise.locator(".recharts-scatter").innerHTML()).not.toBe(before);

  expect(await seriousViolations(page)).toEqual([]);

  // Reaching the end marks the lesson read; the lessons page shows it.
  await page.getByTestId("lesson-end").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("lesson-read-status")).toContainText("marked as read");
  await page.goto("/lessons");
  await expect(page.getByTestId("progress-why-batchnorm-works")).toContainText("✓ Lesson read");
  await expect(page.getByTestId("progress-normalizing-activations")).toContainText("Lesson not read");
});

test("the training-curves figure trains live in the browser", async ({ page }) => {
  await page.goto("/lessons/normalizing-activations");
  const figure = page.locator('[data-figure="figure-training-curves"]');
  await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("training-curves-description")).toContainText("Finished: step 300 of 300", { timeout: 30_000 });
  await expect(figure.locator(".recharts-line path.recharts-curve")).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  // The lesson's claim at the largest rate: the plain network diverges, batch norm trains.
  await figure.getByLabel("Learning rate").selectOption("0.5");
  const description = page.getByTestId("training-curves-description");
  await expect(description).toContainText("Finished: step 300 of 300", { timeout: 30_000 });
  await expect(description).toContainText("learning rate 0.5");
  await expect(description).toContainText("Loss without batch norm diverged, with batch norm 0.", { timeout: 30_000 });
});

test("a signed-in student can mark a lesson read with the button", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/lessons/beyond-batchnorm");
  const button = page.getByRole("button", { name: "Mark as read" });
  // The observer may already have fired on a tall screen; either way the status must end up "read".
  if (await button.isVisible()) await button.click();
  await expect(page.getByTestId("lesson-read-status")).toContainText("marked as read");
  await page.reload();
  await expect(page.getByTestId("lesson-read-status")).toContainText("marked as read");
});
