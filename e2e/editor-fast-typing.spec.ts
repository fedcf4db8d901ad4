import { expect, type Page, type Request, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { editor, openExercise } from "./workspace-helpers";

const EXERCISE = "batchnorm-forward";
const isDraftSave = (r: Request) => r.method() === "PUT" && new URL(r.url()).pathname === `/api/exercises/${EXERCISE}/draft`;

/**
 * Letters, digits and spaces only, typed inside a `//` comment: there Monaco
 * closes no brackets, indents nothing and offers no suggestions, so what lands
 * in the editor must be exactly what was typed.
 */
function words(label: string, length: number): string {
  let text = "";
  for (let i = 0; text.length < length; i++) text += `${label}${i} `;
  return text.slice(0, length);
}

/**
 * The editor's whole text as Monaco holds it (select all, copy, read the
 * clipboard). The clipboard hands lines back with CRLF; the model and the
 * saved drafts use LF, and nothing typed here contains a line break.
 */
async function editorText(page: Page): Promise<string> {
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+C");
  return (await page.evaluate(() => navigator.clipboard.readText())).replaceAll("\r\n", "\n");
}

test("fast typing while autosave round-trips loses no keystroke, in the editor or in the saved draft", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpNewStudent(page, "Fast Typist");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openExercise(page, EXERCISE);
  await expect(editor(page).locator(".view-lines")).toContainText("export function batchnormForward(", { timeout: 30_000 });

  const before = await editorText(page);
  await page.keyboard.press("ControlOrMeta+End");

  // Three bursts at full speed (delay 0). Each burst after the first starts the
  // moment the real autosave (1 s debounce) sends its PUT, so the save's
  // response and its re-render land in the middle of the typing.
  const bursts = [`// ${words("a", 157)}`, words("b", 160), words("c", 160)];
  let typed = "";
  for (const [i, burst] of bursts.entries()) {
    await page.keyboard.type(burst, { delay: 0 });
    typed += burst;
    if (i < bursts.length - 1) await page.waitForRequest(isDraftSave, { timeout: 15_000 });
  }
  expect(typed.length).toBeGreaterThanOrEqual(450);
  const expected = before + typed;

  // The save that follows the last burst carries the whole text.
  const finalSave = await page.waitForRequest(isDraftSave, { timeout: 15_000 });
  const response = await finalSave.response();
  expect(response?.ok()).toBe(true);

  expect(await editorText(page)).toBe(expected);
  expect((finalSave.postDataJSON() as { code: string }).code).toBe(expected);
  await expect(page.getByTestId("save-state")).toHaveText("Draft saved");
  const stored = (await (await page.request.get(`/api/exercises/${EXERCISE}/draft`)).json()) as { draft: { code: string } | null };
  expect(stored.draft?.code).toBe(expected);

  // After a reload the editor opens the saved draft, to the character.
  await page.reload();
  await expect(editor(page).locator(".view-lines")).toContainText("export function batchnormForward(", { timeout: 30_000 });
  expect(await editorText(page)).toBe(expected);
});

test("a server draft that arrives after the student typed never replaces their text", async ({ page }) => {
  test.setTimeout(120_000);
  const exercise = "batchnorm-backward";
  const draftUrl = `/api/exercises/${exercise}/draft`;
  const isSave = (r: Request) => r.method() === "PUT" && new URL(r.url()).pathname === draftUrl;
  await signUpNewStudent(page, "Draft Keeper");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openExercise(page, exercise);
  await expect(editor(page).locator(".view-lines")).toContainText("export function batchnormBackward(", { timeout: 30_000 });
  const before = await editorText(page);
  await page.keyboard.press("ControlOrMeta+End");
  const first = `// ${words("d", 80)}`;
  const saved = page.waitForRequest(isSave, { timeout: 15_000 });
  await page.keyboard.type(first, { delay: 0 });
  await (await saved).response();

  // Opening a hint makes the server render the page again, with the stored draft,
  // while the student is already typing on: the typing wins.
  const panel = page.getByTestId("hints-panel");
  await panel.getByRole("button", { name: "Show hint 1 of 4" }).click();
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  const second = words("e", 120);
  const typed = before + first + second;
  const ownSave = page.waitForRequest((r) => isSave(r) && (r.postDataJSON() as { code: string }).code === typed, { timeout: 15_000 });
  await page.keyboard.type(second, { delay: 0 });
  await expect(panel.getByTestId("hint-1")).toBeVisible();
  expect(await editorText(page)).toBe(typed);
  await expect(page.getByTestId("draft-elsewhere")).toHaveCount(0);
  // This page's own save of that text lands first, so it cannot overwrite the other tab's draft below.
  await (await ownSave).response();

  // A different draft saved from another tab arrives with the next refresh: the
  // editor keeps the student's text, says so, and opens the other one only on request.
  const other = "// saved from another tab\n";
  const put = await page.request.put(draftUrl, { data: { code: other, language: "typescript" }, headers: { origin: new URL(page.url()).origin } });
  expect(put.ok()).toBe(true);
  await panel.getByRole("button", { name: "Show hint 2 of 4" }).click();
  await expect(panel.getByTestId("hint-2")).toBeVisible();
  const notice = page.getByTestId("draft-elsewhere");
  await expect(notice).toContainText("The editor keeps your text");
  expect(await editorText(page)).toBe(typed);

  const adopted = page.waitForRequest((r) => isSave(r) && (r.postDataJSON() as { code: string }).code === other, { timeout: 15_000 });
  await notice.getByRole("button", { name: "Open that draft instead" }).click();
  await expect(notice).toHaveCount(0);
  expect(await editorText(page)).toBe(other);
  await (await adopted).response();
});
