import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { CORRECT, CORRECT_BACKWARD, submit } from "./lab-helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a student who passed forward, backward and inference runs the learning-rate experiment with their own batch norm", async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signUpNewStudent(page, "Lab Student");
  for (const [id, code] of Object.entries(CORRECT)) expect(await submit(page.request, id, code), id).toBe("passed");

  await page.goto("/lab");
  await expect(page.getByTestId("my-layer-status")).toContainText("Your batch norm is ready");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "2. Learning-rate robustness" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2. Learning-rate robustness" })).toBeVisible();

  await page.getByRole("radio", { name: "My batch norm" }).check();
  await page.getByLabel("Seed").fill("3");
  await page.getByRole("button", { name: "Run experiment" }).click();
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(page.getByTestId("lab-status")).toContainText("Finished", { timeout: 60_000 });
  await expect(page.getByTestId("lab-status")).toContainText("with your batch norm, seed 3");
  // Plots with their text beside them, and the takeaway.
  const sweep = page.getByTestId("plot-lr-sweep");
  await expect(sweep.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(sweep.getByRole("table")).toContainText("learning rate");
  await expect(sweep).toContainText(/rate 3: plain .*, batch norm/);
  await expect(page.getByTestId("plot-lr-curves").locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByTestId("lab-takeaway")).toContainText("Batch norm keeps a deep network trainable");
  expect(await seriousViolations(page)).toEqual([]);

  // Stop and restart.
  await page.getByRole("button", { name: "Run again" }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("Stopped");
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("Finished", { timeout: 60_000 });
  expect(pageErrors).toEqual([]);

  // The instructor dashboard shows the engagement.
  await page.context().clearCookies();
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.goto("/instructor");
  const row = page.getByTestId("lab-engagement").getByRole("row", { name: /Learning-rate robustness/ });
  await expect(row).toBeVisible();
  expect(Number(await row.getByRole("cell").nth(1).textContent())).toBeGreaterThanOrEqual(1);
});

test("a student whose backward fails sees why the lab cannot use their batch norm", async ({ page }) => {
  await signUpNewStudent(page, "Lab Student Failing");
  expect(await submit(page.request, "batchnorm-forward", CORRECT["batchnorm-forward"])).toBe("passed");
  // Drops the mean path: dx misses the "− dβ" term.
  expect(await submit(page.request, "batchnorm-backward", CORRECT_BACKWARD.replace("n * dout[i][j] - sg -", "n * dout[i][j] -"))).toBe("failed");

  await page.goto("/lab/learning-rate");
  const why = page.getByTestId("my-layer-unavailable");
  await expect(why).toContainText("Why the lab cannot use your batch norm yet");
  await expect(why).toContainText("batchnorm-backward: your latest submission did not pass (failed)");
  await expect(why).toContainText("batchnorm-inference: you have not submitted it yet");
  await expect(page.getByRole("radio", { name: "My batch norm" })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  // The reference layer still runs.
  await page.getByRole("button", { name: "Run experiment" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("with the reference batch norm", { timeout: 60_000 });
});
