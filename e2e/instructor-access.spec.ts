import { expect, test } from "@playwright/test";
import { DEMO_STUDENT, signIn } from "./helpers/auth";

const PAGES = [
  "/instructor",
  "/instructor?sort=overall",
  "/instructor/exercises/batchnorm-forward",
  "/instructor/quizzes/normalizing-activations",
  "/instructor/students/some-user-id",
  "/instructor/users",
];
const DATA_ROUTES = [
  "/api/instructor/grades",
  "/api/instructor/roster",
  "/api/instructor/exercises/batchnorm-forward",
  "/api/instructor/quizzes/normalizing-activations",
  "/api/instructor/students/some-user-id",
];

test("a student gets 403 on every instructor page and data route", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("Class roster and completion")).toHaveCount(0);
  }
  for (const path of DATA_ROUTES) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).not.toContain("Name,Email");
  }
  await expect(page.getByRole("link", { name: "Instructor" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "My progress" })).toBeVisible();
});

test("signed-out visitors get 401 from data routes and are sent to sign in from pages", async ({ page }) => {
  for (const path of DATA_ROUTES) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(401);
  }
  await page.goto("/instructor");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstructor/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
});
