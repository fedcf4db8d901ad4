/**
 * With every grading worker busy on infinite loops, the course and exercise
 * pages still render: they read the content manifest, never a grading worker.
 * The bound (4 s per page) is generous and below the 5 s grading timeout a
 * loop runs into; no other timing is asserted.
 */
import { expect, type Page, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";

const LOOP = `export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
  while (true) {}
  return { out: x, mean: gamma, variance: beta };
}
`;
const LOOPERS = 6;
const RUNS_EACH = 3;
const PAGE_BOUND_MS = 4_000;

test.describe.configure({ timeout: 120_000 });

test("course and exercise pages render while every grading worker spins on an infinite loop", async ({ browser, page }) => {
  const loopers: Page[] = [];
  for (let i = 0; i < LOOPERS; i++) {
    const context = await browser.newContext();
    const looper = await context.newPage();
    await signUpNewStudent(looper, `Looper ${i}`);
    loopers.push(looper);
  }
  await signUpNewStudent(page, "Reader");

  let settled = 0;
  const gradings = loopers.flatMap((looper, i) =>
    Array.from({ length: RUNS_EACH }, (_, k) =>
      looper.request
        .post("/api/exercises/batchnorm-forward/submissions", {
          data: { code: LOOP, language: "typescript", mode: "run", clientRequestId: `loop-${Date.now()}-${i}-${k}` },
          failOnStatusCode: false,
          timeout: 110_000,
        })
        .finally(() => settled++),
    ),
  );
  // the loops reach the workers (a Run of a loop takes its full time limit)
  await new Promise((r) => setTimeout(r, 1_500));

  for (const [url, heading] of [
    ["/exercises/batchnorm-forward", /Batch norm forward pass/],
    ["/exercises", "Coding exercises"],
    ["/", /Batch Normalization/],
    ["/lessons/normalizing-activations", /.+/],
    ["/dashboard", /.+/],
  ] as const) {
    const started = Date.now();
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading);
    expect(Date.now() - started, `${url} rendered in`).toBeLessThan(PAGE_BOUND_MS);
  }
  // the pool was still saturated while the pages rendered
  expect(settled).toBeLessThan(gradings.length);
  const responses = await Promise.all(gradings);
  expect(responses.every((r) => [200, 429, 503].includes(r.status()))).toBe(true);
  for (const looper of loopers) await looper.context().close();
});
