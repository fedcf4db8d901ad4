/**
 * axe on every page type, at phone width (375×812) and at desktop: no
 * serious or critical violation. Student pages as a new student (the
 * exercise page with a failing Run's results showing), instructor pages as
 * the demo instructor, and the signed-out pages.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { editor } from "./workspace-helpers";

async function expectNoSeriousViolations(page: Page, path: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, path).toEqual([]);
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expectNoSeriousViolations(page, path);
}

const viewports = [
  { name: "phone", use: { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true } },
  { name: "desktop", use: { viewport: { width: 1280, height: 900 } } },
] as const;

for (const device of viewports) {
  test.describe(`axe on ${device.name}`, () => {
    test.use(device.use);

    test("signed-out pages", async ({ page }) => {
      for (const path of ["/", "/sign-in", "/sign-up", "/lessons", "/lessons/normalizing-activations"]) await visit(page, path);
    });

    test("student pages, the workspace with results included", async ({ page }) => {
      // axe over Monaco and the value tables takes a while on a loaded 2-core machine.
      test.setTimeout(240_000);
      await signUpNewStudent(page, `Axe ${device.name}`);
      for (const path of ["/", "/lessons", "/lessons/fitting-batchnorm", "/quizzes/normalizing-activations", "/exercises", "/dashboard", "/lab"]) {
        await visit(page, path);
      }
      await page.goto("/quizzes/normalizing-activations");
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await expectNoSeriousViolations(page, "quiz attempt");

      await page.goto("/exercises/batchnorm-backward");
      if (device.name === "phone") await page.getByRole("tab", { name: "Code" }).click();
      await expect(editor(page).locator(".view-lines")).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, "exercise");
      await page.getByRole("button", { name: /^Run/ }).click();
      await expect(page.getByTestId("result-summary")).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, "exercise with results");
      if (device.name === "phone") {
        await page.getByRole("tab", { name: "Prompt" }).click();
        await expectNoSeriousViolations(page, "exercise prompt tab");
      }
    });

    test("instructor pages", async ({ page }) => {
      // The preview's first load grades the reference and every known mistake.
      test.setTimeout(180_000);
      await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
      await visit(page, "/instructor");
      const student = await page.locator('a[href^="/instructor/students/"]').first().getAttribute("href");
      const paths = [
        "/instructor/users",
        "/instructor/exercises/batchnorm-forward",
        "/instructor/exercises/batchnorm-forward/preview",
        "/instructor/exercises/batchnorm-forward/regrade",
        "/instructor/quizzes/normalizing-activations",
      ];
      if (student) paths.push(student);
      for (const path of paths) await visit(page, path);
    });
  });
}
