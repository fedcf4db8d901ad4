import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";

// One story across two browser sessions: a student learns, the instructor sees it.
test.describe.configure({ mode: "serial" });

const QUIZ = "why-batchnorm-works";
const EXERCISE = "batchnorm-forward";
const source = (rel: string) => readFileSync(path.resolve("exercises", EXERCISE, rel), "utf8");

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function submitCode(request: APIRequestContext, code: string, clientRequestId: string) {
  const response = await request.post(`/api/exercises/${EXERCISE}/submissions`, {
    data: { code, language: "typescript", mode: "submit", clientRequestId },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; report?: { status: string } };
}

let student: { email: string; password: string; name: string };

test("the student dashboard reflects a quiz and submissions", async ({ page }) => {
  student = await signUpNewStudent(page, "Dash Board-Student");

  await page.goto("/dashboard");
  await expect(page.getByTestId("continue-link")).toHaveAttribute("href", "/lessons/normalizing-activations");

  // Quiz: the same answers as quiz-take.spec.ts → 4.67 / 8.
  await page.goto(`/quizzes/${QUIZ}`);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const q = (id: string) => page.getByTestId(`question-${id}`);
  await q("hidden-units").getByLabel("True").check();
  await q("covariate-shift-claim").locator("label", { hasText: "keeps the mean" }).click();
  await q("regularization-claims").locator("label", { hasText: "are noisy estimates" }).click();
  await q("regularization-claims").locator("label", { hasText: "slight regularizing effect, somewhat like dropout" }).click();
  await q("not-a-regularizer").getByLabel("False").check();
  await q("batch-size-noise").getByLabel("Your answer").fill("2");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText("4.67 / 8");

  // Code: a known mistake first (caught by hidden tests), then the reference.
  const wrong = await submitCode(page.request, source("mistakes/unbiased-variance.ts"), `dash-wrong-${Date.now()}`);
  expect(wrong.report?.status).toBe("failed");
  const right = await submitCode(page.request, source("reference.ts"), `dash-right-${Date.now()}`);
  expect(right.report?.status).toBe("passed");

  await page.goto("/dashboard");
  const quizRow = page.getByTestId(`quiz-${QUIZ}`);
  await expect(quizRow).toContainText("taken");
  await expect(quizRow).toContainText("4.67/8 (58%)");
  const exerciseRow = page.getByTestId(`exercise-${EXERCISE}`);
  await expect(exerciseRow).toContainText("passed");
  await expect(exerciseRow).toContainText("100%");
  await expect(exerciseRow.locator("td").last()).toHaveText("2");
  await expect(exerciseRow.locator("td").nth(2)).toHaveText("100%"); // latest submit
  const misconceptions = page.getByTestId("misconceptions");
  await expect(misconceptions).toContainText("N − 1");
  await expect(misconceptions.getByRole("link", { name: "Review the lesson section" }).first()).toHaveAttribute("href", /^\/lessons\/[a-z-]+#[a-z0-9-]+$/);
  await expect(page.getByTestId("recent-activity")).toContainText("Submitted Batch norm forward pass (training mode): passed, 100%");
  await expect(page.getByTestId("recent-activity")).toContainText("Took Quiz: why does batch norm work?: 4.67 of 8 points (58%)");
  await expect(page.getByTestId("recent-activity")).not.toContainText(EXERCISE);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the instructor sees the student in the matrix, the analytics, the drill-down and the CSV", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);

  await page.goto(`/instructor?q=${encodeURIComponent(student.email)}`);
  await expect(page.getByTestId("roster-count")).toContainText("1 student");
  const row = page.getByTestId(`roster-row-${student.email}`);
  await expect(row).toContainText(student.name);
  await expect(row).toContainText("4.67/8");
  await expect(row).toContainText("passed");
  expect(await seriousViolations(page)).toEqual([]);

  // Sorting is a link; the student is still listed when sorted by progress.
  await page.getByRole("link", { name: "Overall" }).click();
  await expect(page).toHaveURL(/sort=overall/);
  await expect(page.getByTestId(`roster-row-${student.email}`)).toBeVisible();

  await page.goto(`/instructor/exercises/${EXERCISE}`);
  await expect(page.getByTestId("pass-rate")).toContainText("%");
  await expect(page.getByTestId("attempts-table")).toContainText("2");
  await expect(page.getByTestId("hidden-failures").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("misconception-table")).toContainText("unbiased-variance");
  await expect(page.getByTestId("median-grading")).toContainText("ms");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/instructor/quizzes/${QUIZ}`);
  const question = page.getByTestId("question-hidden-units");
  await expect(question.getByTestId("percent-correct")).toContainText("% correct");
  await expect(question.getByTestId("option-table")).toContainText("True");
  await expect(page.getByTestId("question-regularization-claims").getByTestId("option-table")).toContainText("distractor");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/instructor?q=${encodeURIComponent(student.email)}`);
  await page.getByRole("link", { name: student.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(student.name);
  await expect(page.getByTestId("student-quiz-attempts")).toContainText(QUIZ);
  const firstSubmission = page.locator("details").first();
  await firstSubmission.locator("summary").click();
  await expect(firstSubmission).toContainText("export function batchnormForward");
  await expect(firstSubmission).toContainText("hidden");

  await page.goto("/instructor");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download grades (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^batchnorm-grades-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  // Header cells with a comma are quoted; the student's row has no quoted cells (no comma in the name).
  const header = lines[0].replace(/"[^"]*"/g, (m) => m.slice(1, -1).replace(/,/g, "¦")).split(",").map((h) => h.replaceAll("¦", ","));
  const line = lines.find((l) => l.includes(student.email));
  expect(line).toBeTruthy();
  const values = line!.split(",");
  expect(values).toHaveLength(header.length);
  const cells = Object.fromEntries(values.map((value, i) => [header[i], value]));
  expect(cells.Name).toBe(student.name);
  expect(cells[`Quiz: ${QUIZ} (best, out of 8)`]).toBe("4.67");
  expect(cells[`Exercise: ${EXERCISE} (best %)`]).toBe("100");
  expect(cells["Exercise: batchnorm-backward (best %)"]).toBe("");
  expect(cells["Exercises passed"]).toBe("1");
  expect(cells["Quiz points"]).toBe("4.67");

  const response = await page.request.get("/api/instructor/grades");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="batchnorm-grades-/);
  expect(response.headers()["content-type"]).toContain("text/csv");
});
