/**
 * The two exercises of issue 15 part B, end to end in the real app: a new
 * student opens each one the way the course leads there (the home page for
 * spatial-batchnorm-backward, the "Which normalization where" lesson for
 * groupnorm), submits a known mistake and sees its misconception named, then
 * submits a correct solution written differently from the reference and sees
 * every test pass.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { expectEditorToContain, replaceCode } from "./workspace-helpers";

const exerciseFile = (id: string, file: string) => readFileSync(path.join(process.cwd(), "exercises", id, file), "utf8");
/** A mistake file as a student would write it: without the grader's `misconception` description. */
const withoutDescription = (code: string) => code.replace(/export const misconception = \{[\s\S]*?\n\};\n/, "");

const CASES = [
  {
    id: "spatial-batchnorm-backward",
    open: async (page: Page) => {
      await page.goto("/");
      await page.getByRole("link", { name: "Exercise: Spatial batch norm backward pass" }).click();
    },
    entry: "export function spatialBatchnormBackward(",
    mistake: "batch-size-count",
    named: "N·H·W",
    correct: exerciseFile("spatial-batchnorm-backward", "alternatives/transpose-staged-chain-rule.js"),
  },
  {
    id: "groupnorm",
    open: async (page: Page) => {
      await page.goto("/lessons/which-normalization");
      await page.getByRole("link", { name: "Exercise: Group norm: forward and backward" }).click();
    },
    entry: "export function groupnormForward(",
    mistake: "gamma-outside-group-sums",
    named: "γ must stay inside them",
    correct: exerciseFile("groupnorm", "alternatives/statistics-by-set.ts"),
  },
];

for (const c of CASES) {
  test(`${c.id}: opened from the course, a known mistake is named and a correct solution passes`, async ({ page }) => {
    test.setTimeout(120_000);
    await signUpNewStudent(page, "Part B Student");
    await c.open(page);
    // first render of the exercise page can be slow on a loaded machine
    await expect(page).toHaveURL(new RegExp(`/exercises/${c.id}$`), { timeout: 60_000 });
    await expectEditorToContain(page, c.entry);

    const results = page.getByTestId("results");
    await replaceCode(page, withoutDescription(exerciseFile(c.id, `mistakes/${c.mistake}.ts`)));
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(results.getByTestId("verdict")).toHaveText("failed", { timeout: 30_000 });
    const misconception = page.getByTestId(`misconception-${c.mistake}`);
    await expect(misconception).toContainText(c.named);
    await expect(misconception.getByRole("link", { name: "Review this in the lesson" })).toHaveAttribute("href", /^\/lessons\/[a-z-]+#[a-z-]+$/);

    await replaceCode(page, c.correct);
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(results.getByTestId("verdict")).toHaveText("passed", { timeout: 30_000 });
    await expect(results.getByTestId("score")).toHaveText("100%");
  });
}
