import { expect, type Page } from "@playwright/test";

export const DEMO_STUDENT = { email: "student@example.com", password: "student-password-123", name: "Demo Student" };
export const DEMO_INSTRUCTOR = { email: "instructor@example.com", password: "instructor-password-123", name: "Demo Instructor" };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

let counter = 0;
export function uniqueEmail(prefix = "student"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

/** Signs up a brand-new student through the real form; returns its credentials. */
export async function signUpNewStudent(page: Page, name = "Test Student"): Promise<{ email: string; password: string; name: string }> {
  const account = { email: uniqueEmail(), password: "a-good-password-1", name };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
  return account;
}
