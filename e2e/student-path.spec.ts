/**
 * The student's path at phone width (375×812, touch) and at desktop:
 * lesson → quiz → exercise (two different wrong solutions, then a pass) →
 * next step → dashboard. Asserts what issue 18 asked for: nothing overlaps
 * Run or the results, the result summary takes focus, the hint fits the
 * failure, a failing cell shows its difference at tolerance scale, and the
 * dashboard marks the misconception resolved. axe runs on every page.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { CORRECT_FORWARD, editor, UNBIASED_FORWARD } from "./workspace-helpers";

/** ε added after the square root: off by ~1e-5 relative, far outside a 1e-7 tolerance, invisible in 6 digits. */
const EPS_OUTSIDE_FORWARD = CORRECT_FORWARD.replace("Math.sqrt(variance[j] + eps)", "(Math.sqrt(variance[j]) + eps)");
const EXERCISE_TITLE = "Batch norm forward pass (training mode)";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The element itself (or a child) is what a tap at its centre would hit: nothing is drawn over it. */
async function expectHitTestable(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit).toBe(true);
}

/**
 * Puts code in the editor through the autosave API (the way a draft from
 * another device arrives), reloads, and (on a phone) opens the Code tab.
 */
async function loadCode(page: Page, code: string, phone: boolean): Promise<void> {
  const origin = new URL(page.url()).origin;
  const saved = await page.request.put("/api/exercises/batchnorm-forward/draft", { data: { code, language: "typescript" }, headers: { origin } });
  expect(saved.ok()).toBe(true);
  await page.reload();
  if (phone) await page.getByRole("tab", { name: "Code" }).click();
  await expect(editor(page).locator(".view-lines")).toContainText(code.split("\n")[0].slice(0, 30), { timeout: 30_000 });
}

const viewports = [
  { name: "phone", use: { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true } },
  { name: "desktop", use: { viewport: { width: 1280, height: 900 } } },
] as const;

for (const device of viewports) {
  test.describe(`student path on ${device.name}`, () => {
    test.use(device.use);
    const phone = device.name === "phone";

    test("lesson → quiz → exercise (fail twice, then pass) → next step → dashboard", async ({ page }) => {
      test.setTimeout(180_000);
      await signUpNewStudent(page, `Path ${device.name}`);

      // Lesson: wide equations are focusable scroll regions; then on to the quiz.
      await page.goto("/lessons/normalizing-activations");
      await expect(page.locator(".katex-display").first()).toHaveAttribute("tabindex", "0");
      // Reaching the lesson's end marks it read (scrolling the "Mark as read" button into view for a click raced that
      // observer: the button was gone before the click landed); the button itself is covered by lessons-read.spec.ts.
      await page.getByTestId("lesson-end").scrollIntoViewIfNeeded();
      await expect(page.getByTestId("lesson-read-status")).toHaveText("✓ Lesson marked as read.");
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Take the quiz" }).click();

      // Quiz: breadcrumbs name the lesson; a numeric answer is checked as it is typed.
      await expect(page.getByRole("navigation", { name: "Breadcrumb" })).not.toContainText("/ Lesson /");
      await page.getByRole("button", { name: "Start the quiz" }).click();
      const numeric = page.locator('[data-type="numeric"]').first().getByRole("textbox");
      await numeric.fill("1,297");
      await expect(page.locator('[data-type="numeric"]').first()).toContainText("Read as 1297");
      await numeric.fill("12abc");
      await expect(numeric).toHaveAttribute("aria-invalid", "true");
      await numeric.fill("");
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect(page.getByTestId("quiz-score")).toBeVisible();
      await expect(page.getByTestId("worked-steps").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("link", { name: `Next: ${EXERCISE_TITLE}` }).click();
      await expect(page).toHaveURL(/\/exercises\/batchnorm-forward$/);

      // Exercise: on a phone the prompt, code and results are tabs; no keyboard badges on touch.
      if (phone) {
        await expect(page.getByRole("tab", { name: "Prompt" })).toHaveAttribute("aria-selected", "true");
        await page.getByRole("tab", { name: "Code" }).click();
      }
      await expect(editor(page).locator(".view-lines")).toBeVisible({ timeout: 30_000 });
      const run = page.getByRole("button", { name: /^Run/ });
      const submit = page.getByRole("button", { name: /^Submit/ });
      if (phone) await expect(run.locator("kbd")).toBeHidden();
      else await expect(run.locator("kbd")).toBeVisible();
      await expect(page.getByTestId("editor-keyboard-help")).toBeVisible({ visible: !phone });
      expect(await seriousViolations(page)).toEqual([]);

      // Wrong solution 1: N − 1. The misconception comes first; no hint about the (correct) mean.
      await loadCode(page, UNBIASED_FORWARD, phone);
      await expectHitTestable(run);
      await run.click();
      const summary = page.getByTestId("result-summary");
      await expect(summary).toBeFocused();
      await expect(summary).toHaveText(/^Run: \d+ of \d+ public tests pass$/);
      await expect(page.getByTestId("fix-first")).toContainText("N − 1");
      await expect(page.getByTestId("results").getByText(/average down each column/)).toHaveCount(0);
      await expectHitTestable(page.getByTestId("results").locator("li").first());
      expect(await seriousViolations(page)).toEqual([]);

      // Wrong solution 2: ε outside the root. Another first fix; the difference shows at tolerance scale.
      await loadCode(page, EPS_OUTSIDE_FORWARD, phone);
      await run.click();
      await expect(summary).toBeFocused();
      await expect(page.getByTestId("fix-first")).not.toContainText("N − 1");
      await expect(page.getByTestId("fix-first")).toContainText(/square root|`?out`?/);
      const difference = page.getByTestId("cell-difference").first();
      await expect(difference).toContainText(/Δ [+−]\d(\.\d)?e-\d+ \([\d,.]+× allowed\)/);
      const badCell = page.locator("td[data-mismatch]").first();
      // Enough digits that the two values read differently.
      const shown = async (id: string) => ((await badCell.getByTestId(id).textContent()) ?? "").replace(/^(expected|yours) /, "");
      expect(await shown("cell-expected")).not.toBe(await shown("cell-yours"));
      expect(await shown("cell-yours")).toMatch(/^-?\d/);
      await expect(page.getByTestId("results")).not.toContainText("__NaN__");
      await expect(page.getByTestId("results")).not.toContainText("`");

      // The fix: a passing submission, its summary focused, and a Next link.
      await loadCode(page, CORRECT_FORWARD, phone);
      await expectHitTestable(submit);
      await submit.click();
      await expect(page.getByTestId("verdict")).toHaveText("passed");
      await expect(summary).toBeFocused();
      const next = page.getByTestId("next-step").getByRole("link");
      await expect(next).toHaveText(/^Next: /);
      await expectHitTestable(next);
      expect(await seriousViolations(page)).toEqual([]);
      await next.click();
      await expect(page).toHaveURL(/\/lessons\/fitting-batchnorm$/);

      // Dashboard: the N − 1 misconception is marked resolved; runs are not submissions; words, not ids.
      await page.goto("/dashboard");
      const misconception = page.getByTestId("misconceptions").getByTestId("misconception-unbiased-variance");
      await expect(misconception).toHaveAttribute("data-resolved", "true");
      await expect(misconception).toContainText("resolved");
      await expect(misconception).toContainText("1 practice run");
      await expect(page.getByTestId("recent-activity")).toContainText(`Submitted ${EXERCISE_TITLE}: passed, 100%`);
      await expect(page.getByTestId("recent-activity")).not.toContainText("UTC");
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
