import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { editor, replaceCode } from "./workspace-helpers";

/**
 * The three exercises of issue 15 part A, end to end in the real app: reached
 * from the link in their lesson section, a known mistake submitted in Monaco
 * is named, then a correct solution (an alternative, not the reference) passes.
 * gradient-check also proves the grader's function arguments work in the
 * production worker pool.
 */
const cases = [
  { id: "batchnorm-backward-compact", lesson: "fitting-batchnorm", mistake: "variance-term-sign", solution: "alternatives/staged-chain-rule.ts" },
  { id: "gradient-check", lesson: "fitting-batchnorm", mistake: "forward-difference", solution: "alternatives/scaled-difference.ts" },
  { id: "layernorm-backward", lesson: "beyond-batchnorm", mistake: "gamma-factored-out", solution: "alternatives/staged-chain-rule.ts" },
];

const source = (id: string, file: string) => readFileSync(`exercises/${id}/${file}`, "utf8");

for (const c of cases) {
  test(`${c.id}: from the lesson link, a known mistake is named and a correct solution passes`, async ({ page }) => {
    // Sign-up, two gradings through the worker pool, Monaco: 35–100 s on the shared, loaded 2-core machine.
    test.setTimeout(240_000);
    await signUpNewStudent(page, "Exercise Student");
    await page.goto(`/lessons/${c.lesson}`);
    await page.locator(`a[href="/exercises/${c.id}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/exercises/${c.id}$`));
    await expect(editor(page).locator(".view-lines")).toBeVisible({ timeout: 60_000 });

    await replaceCode(page, source(c.id, `mistakes/${c.mistake}.ts`));
    await page.getByRole("button", { name: /^Submit/ }).click();
    const results = page.getByTestId("results");
    await expect(results.getByTestId("verdict")).toHaveText("failed", { timeout: 60_000 });
    const named = page.getByTestId(`misconception-${c.mistake}`);
    await expect(named).toBeVisible();
    await expect(named.getByRole("link", { name: "Review this in the lesson" })).toHaveAttribute("href", /^\/lessons\/[a-z-]+#[a-z-]+$/);

    await replaceCode(page, source(c.id, c.solution));
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(results.getByTestId("verdict")).toHaveText("passed", { timeout: 60_000 });
    await expect(results.getByTestId("score")).toHaveText("100%");
  });
}
