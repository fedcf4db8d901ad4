/**
 * The browser never receives reference code, hidden test data or mistake
 * implementations: neither in the built client bundle (.next/static), nor in
 * the exercise page, nor in API responses. The lab's built-in batch-norm layer
 * (the three exercises' answer) is not in the bundle either.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUpNewStudent } from "./helpers/auth";
import { BUILTIN_LAYER_FRAGMENT } from "./lab-helpers";
import { openExercise } from "./workspace-helpers";

const root = process.cwd();
const exerciseIds = readdirSync(path.join(root, "exercises")).filter((d) => {
  try {
    return statSync(path.join(root, "exercises", d, "exercise.json")).isFile();
  } catch {
    return false;
  }
});

/** Code lines of a file that do not also appear in public material (starter, prompt): those would prove nothing. */
function distinctiveLines(file: string, publicText: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length >= 24 && !l.startsWith("//") && !l.startsWith("*") && !l.startsWith("/*") && !publicText.includes(l));
}

async function secretsOf(id: string): Promise<{ lines: string[]; messages: string[] }> {
  const dir = path.join(root, "exercises", id);
  const publicText = readFileSync(path.join(dir, "starter.ts"), "utf8") + readFileSync(path.join(dir, "prompt.md"), "utf8");
  const lines = distinctiveLines(path.join(dir, "reference.ts"), publicText);
  const messages: string[] = [];
  const mistakes = path.join(dir, "mistakes");
  for (const file of readdirSync(mistakes).filter((f) => f.endsWith(".ts"))) {
    const mistake = (await import(path.join(mistakes, file))) as { misconception?: { message?: string } };
    if (mistake.misconception?.message) messages.push(mistake.misconception.message);
    lines.push(...distinctiveLines(path.join(mistakes, file), publicText).filter((l) => !l.includes("message")));
  }
  return { lines, messages };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test("the client bundle contains no reference code and no mistake messages", async () => {
  const staticDir = path.join(root, ".next", "static");
  const bundle = filesUnder(staticDir)
    .filter((f) => /\.(js|css|json|txt)$/.test(f))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  expect(bundle.length).toBeGreaterThan(100_000);
  expect(bundle.includes("monaco-editor"), "the scan covers the editor bundle").toBe(true);
  for (const id of exerciseIds) {
    const { lines, messages } = await secretsOf(id);
    expect(lines.length, `${id} has distinctive reference lines to look for`).toBeGreaterThan(3);
    expect(messages.length, `${id} has mistake messages to look for`).toBeGreaterThan(0);
    for (const secret of [...lines, ...messages]) expect(bundle.includes(secret), `${id}: "${secret.slice(0, 60)}" in .next/static`).toBe(false);
  }
});

test("the client bundle does not contain the lab's built-in batch-norm layer (it answers three exercises)", () => {
  const staticDir = path.join(root, ".next", "static");
  const files = filesUnder(staticDir).filter((f) => /\.(js|mjs|json|txt)$/.test(f));
  const source = readFileSync(path.join(root, "lib", "lab", "server", "reference-batchnorm.ts"), "utf8");
  expect(source.includes(BUILTIN_LAYER_FRAGMENT), "the fragment is the layer's own text").toBe(true);
  // The lab's client code (its worker handler) is in the bundle, so the scan covers where the layer used to be.
  const bundle = files.map((f) => readFileSync(f, "utf8")).join("\n");
  expect(bundle.includes("the built-in layer was not sent with the request."), "the scan covers the lab worker's chunk").toBe(true);
  for (const file of files) expect(readFileSync(file, "utf8").includes(BUILTIN_LAYER_FRAGMENT), path.relative(root, file)).toBe(false);
});

test("the exercise page and the API responses carry no reference code or hidden test data", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "document" || r.url().includes("/api/") || r.request().resourceType() === "fetch") {
      bodies.push(await r.text().catch(() => ""));
    }
  });
  await signUpNewStudent(page, "Secret Hunter");
  const id = "batchnorm-forward";
  await openExercise(page, id);
  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByTestId("verdict")).toHaveText("failed");
  await expect(page.getByTestId("fix-first")).toBeVisible();
  const submission = (await (await page.request.get(`/api/exercises/${id}/submissions`)).json()) as { submissions: { id: string }[] };
  const report = await page.request.get(`/api/submissions/${submission.submissions[0].id}`);
  const reportJson = (await report.json()) as { report: { tests: { visibility: string; detail?: unknown }[] } };
  bodies.push(JSON.stringify(reportJson), await page.content());

  const hidden = reportJson.report.tests.filter((t) => t.visibility === "hidden");
  expect(hidden.length).toBeGreaterThan(0);
  for (const t of hidden) expect(t.detail).toBeUndefined();
  // A hidden entry is id, name, verdict, points, a failure category with its fixed text, and the author's hint.
  const allowed = new Set(["id", "name", "visibility", "status", "points", "maxPoints", "message", "failure", "hint"]);
  for (const t of hidden) expect(Object.keys(t).filter((k) => !allowed.has(k))).toEqual([]);
  const failedHidden = page.getByTestId("test-single-example");
  // Public tests failed too, so the hidden test's hint stays back (one "fix this first" at a time).
  await expect(failedHidden).toContainText("failed");
  await expect(failedHidden).toHaveAttribute("data-failure", /^[a-z-]+$/);

  const everything = bodies.join("\n");
  for (const line of (await secretsOf(id)).lines) expect(everything.includes(line), `"${line.slice(0, 60)}" sent to the browser`).toBe(false);
});
