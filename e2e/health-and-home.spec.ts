import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: "ok" });
});

test("the home page presents the course modules", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Batch Normalization");
  const modules = page.locator("ol.module-list > li");
  const course = JSON.parse(readFileSync("exercises/course.json", "utf8")) as { modules: unknown[] };
  await expect(modules).toHaveCount(course.modules.length);
  await expect(modules.first()).toContainText("Normalizing activations");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("keyboard users can skip to the content and see focus", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});

test("a signed-in student sees per-module progress on the course page", async ({ page }) => {
  await signUpNewStudent(page, "Progress Viewer");
  await page.goto("/");
  const first = page.getByTestId("module-normalizing-activations");
  await expect(first).toContainText("Lesson not read");
  await expect(first).toContainText("Quiz not taken");
  await expect(first).toContainText("Exercises passed 0/1");

  await page.goto("/lessons/normalizing-activations");
  await page.getByTestId("lesson-end").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("lesson-read-status")).toHaveText("✓ Lesson marked as read.");
  await page.goto("/");
  await expect(page.getByTestId("module-normalizing-activations")).toContainText("Lesson read");
});
