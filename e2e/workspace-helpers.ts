import { expect, type Page } from "@playwright/test";

/** A correct batchnormForward written for the tests (deliberately not the reference's text). */
export const CORRECT_FORWARD = `export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
const n = x.length;
const d = gamma.length;
const mean: number[] = [];
const variance: number[] = [];
for (let j = 0; j < d; j++) {
let s = 0;
for (let i = 0; i < n; i++) s += x[i][j];
mean.push(s / n);
let v = 0;
for (let i = 0; i < n; i++) v += (x[i][j] - mean[j]) ** 2;
variance.push(v / n);
}
const out = x.map((row) => row.map((value, j) => gamma[j] * (value - mean[j]) / Math.sqrt(variance[j] + eps) + beta[j]));
return { out, mean, variance };
}
`;

/** Divides by N − 1: the grader should name the "unbiased variance" misconception. */
export const UNBIASED_FORWARD = CORRECT_FORWARD.replace("variance.push(v / n);", "variance.push(v / (n - 1));");

/** Line 3 has a syntax error at column 16: the second "=" after "  const mean". */
export const SYNTAX_ERROR_FORWARD = `export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
  const n = x.length;
  const mean = = [];
  return { out: x, mean, variance: [] };
}
`;

export function editor(page: Page) {
  return page.getByTestId("code-editor");
}

/** Waits until Monaco has rendered the model's text. */
export async function expectEditorToContain(page: Page, text: string): Promise<void> {
  await expect(editor(page).locator(".view-lines")).toContainText(text, { timeout: 30_000 });
}

/**
 * Replaces the editor's content the way a student pastes a solution: select
 * all, then paste from the clipboard. (Typed text would be rewritten by
 * Monaco's auto-closing brackets and auto-indent; pasted text is kept as is.)
 */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await pasteIntoEditor(page, code);
}

export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}

export async function openExercise(page: Page, id = "batchnorm-forward"): Promise<void> {
  await page.goto(`/exercises/${id}`);
  await expect(editor(page).locator(".view-lines")).toBeVisible({ timeout: 30_000 });
}
