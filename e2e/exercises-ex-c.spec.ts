/**
 * The two exercises of issue 15 owned by ex-c, end to end in the real app:
 * reached from the home page (conv folding) or from the lesson's text
 * (porting), a known mistake is submitted and its misconception is named,
 * then a correct solution (an alternative, not the reference) passes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { editor, replaceCode } from "./workspace-helpers";

const exerciseFile = (id: string, file: string) => readFileSync(path.join("exercises", id, file), "utf8");
/** A mistake file as a student would write it: the same code without the misconception metadata. */
const mistakeCode = (id: string, mistake: string) =>
  exerciseFile(id, `mistakes/${mistake}.ts`).replace(/export const misconception = \{[\s\S]*?\n\};\n/, "");

const cases: {
  id: string;
  open: (page: Page) => Promise<void>;
  mistake: string;
  mistakeText: RegExp;
  correct: string;
}[] = [
  {
    id: "fold-batchnorm-conv",
    open: async (page) => {
      await page.goto("/");
      await page.getByTestId("module-beyond-batchnorm").getByRole("link", { name: "Exercise: Fold batch norm into a convolution" }).click();
    },
    mistake: "scales-input-channels",
    mistakeText: /OUTPUT channels/,
    correct: "alternatives/loops.ts",
  },
  {
    id: "porting-conventions",
    open: async (page) => {
      await page.goto("/lessons/batchnorm-test-time");
      await page.getByRole("article").getByRole("link", { name: "Porting batch norm to and from PyTorch" }).click();
    },
    mistake: "biased-running-var",
    mistakeText: /UNBIASED/,
    correct: "alternatives/course-momentum.ts",
  },
];

for (const c of cases) {
  test(`${c.id}: reached from the course, a known mistake is named, a correct solution passes`, async ({ page }) => {
    // Sign-up, a page build on first visit and two gradings on the shared 2-core machine.
    test.setTimeout(120_000);
    await signUpNewStudent(page, "Exercise Student");
    await c.open(page);
    // Client-side navigation to the workspace can take a while on the loaded 2-core machine.
    await expect(page).toHaveURL(new RegExp(`/exercises/${c.id}$`), { timeout: 30_000 });
    await expect(editor(page).locator(".view-lines")).toBeVisible({ timeout: 30_000 });

    const results = page.getByTestId("results");
    await replaceCode(page, mistakeCode(c.id, c.mistake));
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(results.getByTestId("verdict")).toHaveText("failed", { timeout: 30_000 });
    const misconception = page.getByTestId(`misconception-${c.mistake}`);
    await expect(misconception).toContainText(c.mistakeText);
    await expect(misconception.getByRole("link", { name: "Review this in the lesson" })).toHaveAttribute("href", /^\/lessons\/[a-z-]+#[a-z-]+$/);

    await replaceCode(page, exerciseFile(c.id, c.correct));
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(results.getByTestId("verdict")).toHaveText("passed", { timeout: 30_000 });
    await expect(results.getByTestId("score")).toHaveText("100%");
  });
}
