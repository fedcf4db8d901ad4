import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, signIn } from "./helpers/auth";

test("the demo student signs in and out", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await expect(page.getByTestId("signed-in-user")).toContainText("Demo Student");
  await expect(page.getByTestId("signed-in-user")).toContainText("student");
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.includes("session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  expect((await page.context().cookies()).some((cookie) => cookie.name.includes("session_token") && cookie.value)).toBe(false);
});

test("the demo instructor signs in and sees the instructor role and pages", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await expect(page.getByTestId("signed-in-user")).toContainText("instructor");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("cell", { name: DEMO_STUDENT.email, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a wrong password gets a clear error and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#form-error")).toHaveText("Wrong email or password.");
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  // The email stays filled in so the student can retry.
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_STUDENT.email);
});

test("bad input on the sign-in form shows field errors", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");

  await page.getByLabel("Email").fill("student-at-example.com");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toContainText("valid email");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("the sign-in form works from the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").focus();
  await page.keyboard.type(DEMO_STUDENT.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_STUDENT.password);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
});
