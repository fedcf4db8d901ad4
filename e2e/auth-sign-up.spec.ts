import { expect, test } from "@playwright/test";
import { signIn, signUpNewStudent, uniqueEmail } from "./helpers/auth";

test("a visitor signs up as a student and is signed in with the student role", async ({ page }) => {
  const account = await signUpNewStudent(page, "Ada Lovelace");
  await expect(page.getByTestId("signed-in-user")).toContainText("Ada Lovelace");
  await expect(page.getByTestId("signed-in-user")).toContainText("student");
  await expect(page.getByRole("link", { name: "Instructor" })).toHaveCount(0);

  // The new account works after signing out and back in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, account.email, account.password);
});

test("a duplicate sign-up is refused and leaves the existing account unchanged", async ({ page, browser }) => {
  const account = await signUpNewStudent(page, "First Owner");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-up");
  await otherPage.getByLabel("Name").fill("Impostor");
  await otherPage.getByLabel("Email").fill(account.email);
  await otherPage.getByLabel("Password").fill("another-password-9");
  await otherPage.getByRole("button", { name: "Create account" }).click();
  await expect(otherPage.locator("#email-error")).toHaveText(/already exists/);
  await expect(otherPage.getByTestId("signed-in-user")).toHaveCount(0);

  // The original password still works and the name was not overwritten.
  await signIn(otherPage, account.email, account.password);
  await expect(otherPage.getByTestId("signed-in-user")).toContainText("First Owner");
  await other.close();
});

test("sign-up validates each field with a clear message", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#name-error")).toHaveText("Enter your name.");
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await expect(page.locator("#password-error")).toContainText("at least 8 characters");

  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill(`${"a".repeat(250)}@example.com`);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toContainText("at most 254 characters");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("the sign-up API refuses over-long and malformed emails and creates nothing", async ({ request }) => {
  const longEmail = `${"b".repeat(260)}@example.com`;
  const tooLong = await request.post("/api/auth/sign-up/email", { data: { email: longEmail, password: "long-enough-password", name: "X" } });
  expect(tooLong.status()).toBeGreaterThanOrEqual(400);
  expect(tooLong.status()).toBeLessThan(500);
  const malformed = await request.post("/api/auth/sign-up/email", { data: { email: "not-an-email", password: "long-enough-password", name: "X" } });
  expect(malformed.status()).toBe(400);

  // Neither can sign in: nothing was stored.
  for (const email of [longEmail, "not-an-email"]) {
    const signIn = await request.post("/api/auth/sign-in/email", { data: { email, password: "long-enough-password" } });
    expect(signIn.ok()).toBe(false);
  }

  // A sign-up through the API cannot choose its own role.
  const email = uniqueEmail("api");
  const created = await request.post("/api/auth/sign-up/email", { data: { email, password: "long-enough-password", name: "API", role: "instructor" } });
  if (created.ok()) {
    const body = await created.json();
    expect(body.user.role ?? "student").toBe("student");
  } else {
    expect(created.status()).toBe(400);
  }
});

test("text typed before the page's scripts load is kept, and sign-up then works", async ({ page }) => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Hold every script until the student has typed: the form is the server's HTML only.
  await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto("/sign-up", { waitUntil: "domcontentloaded" });
  const email = uniqueEmail("early");
  await page.getByLabel("Name").fill("Early Typist");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password-1");
  release();
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Name")).toHaveValue("Early Typist");
  await expect(page.getByLabel("Password")).toHaveValue("a-good-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("Early Typist");
});

test("sign-up works without JavaScript and an error keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("No Script");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("a-good-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("No Script");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

  await page.getByLabel("Email").fill(uniqueEmail("noscript"));
  await page.getByLabel("Password").fill("a-good-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("No Script");
  await context.close();
});

test("with JavaScript, a refused sign-up keeps every field, the password too", async ({ page }) => {
  const taken = await signUpNewStudent(page, "Owner");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second Try");
  await page.getByLabel("Email").fill(taken.email);
  await page.getByLabel("Password").fill("another-password-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText(/already exists/);
  await expect(page.getByLabel("Name")).toHaveValue("Second Try");
  await expect(page.getByLabel("Password")).toHaveValue("another-password-9");
});
