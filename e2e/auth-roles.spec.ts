import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, signIn, signUpNewStudent } from "./helpers/auth";

test("a student is denied instructor-only pages with a 403 page", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  for (const path of ["/instructor", "/instructor/users"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Instructors only" })).toBeVisible();
  }
});

test("a visitor is sent to sign in and back after signing in", async ({ page }) => {
  await page.goto("/instructor/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstructor%2Fusers/);
  await page.getByLabel("Email").fill(DEMO_INSTRUCTOR.email);
  await page.getByLabel("Password").fill(DEMO_INSTRUCTOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/instructor\/users$/);
});

test("an instructor promotes a student, who then has instructor access", async ({ page, browser }) => {
  const student = await signUpNewStudent(page, "Future Instructor");
  const instructorContext = await browser.newContext();
  const instructorPage = await instructorContext.newPage();
  await signIn(instructorPage, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  // The accounts page shows 100 at a time: find the new account by its email, as an instructor would.
  await instructorPage.goto("/instructor/users");
  await instructorPage.getByLabel("Find an account").fill(student.email);
  await instructorPage.getByRole("button", { name: "Search" }).click();
  await expect(instructorPage).toHaveURL(/\?q=/);
  await instructorPage.getByRole("button", { name: `Promote ${student.email}` }).click();
  await expect(instructorPage.getByRole("row", { name: new RegExp(student.email) }).getByRole("status")).toHaveText("Promoted to instructor.");
  await instructorContext.close();

  await page.reload();
  await expect(page.getByTestId("signed-in-user")).toContainText("instructor");
  expect((await page.goto("/instructor/users"))?.status()).toBe(200);
});

test("unknown pages get the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page.getByRole("heading", { name: "Modules" })).toBeVisible();
});
