import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { openExercise } from "./workspace-helpers";

const STARTER_LIKE = "export function batchnormForward(x: number[][]) { return { out: x, mean: [], variance: [] }; }";
const url = (id = "batchnorm-forward") => `/api/exercises/${id}/submissions`;
let n = 0;
const requestId = () => `api-test-${Date.now()}-${++n}`;

function post(page: Page, body: unknown, id?: string) {
  return page.request.post(url(id), { data: body, failOnStatusCode: false });
}

async function historyLength(page: Page): Promise<number> {
  const response = await page.request.get(url());
  return ((await response.json()) as { submissions: unknown[] }).submissions.length;
}

test("a repeated clientRequestId returns the same submission and stores one", async ({ page }) => {
  await signUpNewStudent(page, "Idempotent Student");
  const body = { code: STARTER_LIKE, language: "typescript", mode: "submit", clientRequestId: requestId() };
  const [first, second] = await Promise.all([post(page, body), post(page, body)]);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  const a = (await first.json()) as { id: string; status: string; report: { exerciseId: string } };
  const b = (await second.json()) as { id: string };
  expect(b.id).toBe(a.id);
  expect(a.status).toBe("graded");
  expect(a.report.exerciseId).toBe("batchnorm-forward");
  const third = (await (await post(page, body)).json()) as { id: string };
  expect(third.id).toBe(a.id);
  expect(await historyLength(page)).toBe(1);

  const fetched = await page.request.get(`/api/submissions/${a.id}`);
  expect(fetched.status()).toBe(200);
  expect(await fetched.json()).toMatchObject({ id: a.id, exerciseId: "batchnorm-forward", status: "graded" });
});

test("only the owner and instructors can read a submission", async ({ page, browser, playwright }) => {
  await signUpNewStudent(page, "Owner Student");
  const created = (await (await post(page, { code: STARTER_LIKE, language: "typescript", mode: "run", clientRequestId: requestId() })).json()) as { id: string };

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUpNewStudent(other, "Curious Student");
  expect((await other.request.get(`/api/submissions/${created.id}`, { failOnStatusCode: false })).status()).toBe(404);
  await otherContext.close();

  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  const seen = await instructor.request.get(`/api/submissions/${created.id}`);
  expect(seen.status()).toBe(200);
  expect(((await seen.json()) as { id: string }).id).toBe(created.id);
  await instructorContext.close();

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/submissions/${created.id}`, { failOnStatusCode: false })).status()).toBe(401);
  expect((await anonymous.post(url(), { data: { code: "", language: "typescript", mode: "run", clientRequestId: requestId() }, failOnStatusCode: false })).status()).toBe(401);
  await anonymous.dispose();
});

test("invalid requests get a clear 4xx and store nothing", async ({ page }) => {
  await signUpNewStudent(page, "Careless Student");
  const ok = { code: STARTER_LIKE, language: "typescript", mode: "submit", clientRequestId: requestId() };
  const cases: [unknown, string | undefined, number, RegExp][] = [
    [{ ...ok, code: "x".repeat(64 * 1024 + 1) }, undefined, 413, /64 KB/],
    [ok, "no-such-exercise", 404, /no exercise "no-such-exercise"/],
    [{ ...ok, language: "python" }, undefined, 400, /language/],
    [{ ...ok, mode: "grade" }, undefined, 400, /mode/],
    [{ ...ok, clientRequestId: undefined }, undefined, 400, /clientRequestId/],
  ];
  for (const [body, exercise, status, message] of cases) {
    const response = await post(page, body, exercise);
    expect(response.status(), JSON.stringify(body).slice(0, 80)).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  }
  const notJson = await page.request.post(url(), { data: "{not json", headers: { "Content-Type": "application/json" }, failOnStatusCode: false });
  expect(notJson.status()).toBe(400);
  expect(await historyLength(page)).toBe(0);
});

test("the per-user rate limit answers 429 with Retry-After, and the workspace shows it", async ({ page }) => {
  await signUpNewStudent(page, "Impatient Student");
  let limited: APIResponse | null = null;
  for (let i = 0; i < 40 && !limited; i++) {
    const response = await post(page, { code: STARTER_LIKE, language: "typescript", mode: "run", clientRequestId: requestId() });
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(200);
  }
  if (!limited) throw new Error("40 requests in a row were never rate limited");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await limited.json()) as { error: string }).error).toMatch(/Try again in \d+ s/);

  await openExercise(page);
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByTestId("submission-error")).toContainText(/Too many runs and submissions\. Try again in \d+ s/);
});
