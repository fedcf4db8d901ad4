import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { openExercise } from "./workspace-helpers";

// Text from hints 2–4 of exercises/batchnorm-backward/hints.md: never in the page before they are opened.
const LATER_HINT_TEXT = ["the three paths from x to the loss", "the gradients of σ² and μ", "putting dx together", "-3/2"];

test("a student opens the backward hints one at a time; the instructor sees them beside the submission", async ({ page, browser }) => {
  // Two users, a grading and several page loads: about 55 s on the shared 2-core machine.
  test.setTimeout(150_000);
  const student = await signUpNewStudent(page, "Hint Student");
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|x-component|text\/plain/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  await openExercise(page, "batchnorm-backward");

  const panel = page.getByTestId("hints-panel");
  await expect(panel).toContainText("Opened 0 of 4");
  await expect(panel.getByTestId("hint-1")).toHaveCount(0);
  // The prompt no longer hands over the chain-rule formulas.
  await expect(page.getByRole("article")).not.toContainText("(\\sigma^2_j+\\varepsilon)^{-3/2}");

  await panel.getByRole("button", { name: "Show hint 1 of 4" }).click();
  await expect(panel.getByTestId("hint-1")).toContainText("the gradients of γ and β");
  await expect(panel).toContainText("Opened 1 of 4");
  await expect(panel.getByRole("button", { name: "Show hint 2 of 4" })).toBeVisible();

  // Nothing of the unopened hints reached the browser, in any response.
  const seen = [await page.content(), ...bodies].join("\n");
  for (const text of LATER_HINT_TEXT) expect(seen).not.toContain(text);

  // Opened hints persist; the editor is still there.
  await page.reload();
  await expect(page.getByTestId("hints-panel").getByTestId("hint-1")).toBeVisible();
  await expect(page.getByTestId("hints-panel").getByTestId("hint-2")).toHaveCount(0);

  // Submit the starter, then open hint 2 after the submission.
  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByTestId("results").getByTestId("verdict")).toHaveText(/failed|error/, { timeout: 30_000 });
  await page.getByTestId("hints-panel").getByRole("button", { name: "Show hint 2 of 4" }).click();
  await expect(page.getByTestId("hints-panel").getByTestId("hint-2")).toContainText("the three paths from x to the loss");

  const session = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { id: string; email: string } };
  expect(session.user.email).toBe(student.email);

  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await instructor.goto(`/instructor/students/${session.user.id}`);
  // Only hint 1 had been opened when the student submitted.
  await expect(instructor.getByTestId("submission-hints")).toContainText("hints opened: 1 of 4");
  await instructorContext.close();
});
