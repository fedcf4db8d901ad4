import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpNewStudent } from "./helpers/auth";
import { BUILTIN_LAYER_FRAGMENT, CORRECT, CORRECT_BACKWARD, submit } from "./lab-helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a student who passed forward, backward and inference runs the learning-rate experiment with the lab's layer and their own", async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(`console: ${m.text()}`));
  // Every script the lab loads (the page's and the worker's) and what the built-in layer's route sends.
  const scripts = new Map<string, string>();
  const builtinBodies: string[] = [];
  page.on("response", async (r) => {
    const url = r.url();
    if (r.request().resourceType() === "script" || /\.m?js(\?|$)/.test(new URL(url).pathname)) scripts.set(url, await r.text().catch(() => ""));
    if (url.includes("/api/lab/builtin")) builtinBodies.push(await r.text().catch(() => ""));
  });
  const workerUrls = new Set<string>();
  page.on("worker", (w) => workerUrls.add(w.url()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await signUpNewStudent(page, "Lab Student");
  for (const [id, code] of Object.entries(CORRECT)) expect(await submit(page.request, id, code), id).toBe("passed");

  const labResponse = await page.goto("/lab");
  // The page's policy stays strict: only the worker, which has its own response headers, evaluates code.
  expect(labResponse?.headers()["content-security-policy"] ?? "").toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  await expect(page.getByTestId("my-layer-status")).toContainText("Your batch norm is ready");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "2. Learning-rate robustness" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2. Learning-rate robustness" })).toBeVisible();

  // The lab's own layer, fetched from the server now that the three exercises pass, runs in the worker.
  await page.getByRole("button", { name: "Run experiment" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("with the reference batch norm, seed 1", { timeout: 60_000 });
  await expect(page.getByTestId("plot-lr-sweep").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(builtinBodies.join("\n")).toContain(BUILTIN_LAYER_FRAGMENT);

  await page.getByRole("radio", { name: "My batch norm" }).check();
  await page.getByLabel("Seed").fill("3");
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(page.getByTestId("lab-status")).toContainText("Finished", { timeout: 60_000 });
  await expect(page.getByTestId("lab-status")).toContainText("with your batch norm, seed 3");
  // Plots with their text beside them, and the takeaway.
  const sweep = page.getByTestId("plot-lr-sweep");
  await expect(sweep.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(sweep.getByRole("table")).toContainText("learning rate");
  await expect(sweep).toContainText(/rate 3: plain .*, batch norm/);
  await expect(page.getByTestId("plot-lr-curves").locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByTestId("lab-takeaway")).toContainText("Batch norm keeps a deep network trainable");
  expect(await seriousViolations(page)).toEqual([]);

  // Stop and restart.
  await page.getByRole("button", { name: "Run again" }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("Stopped");
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("Finished", { timeout: 60_000 });

  // The real dataset: the same sweep on the iris flowers.
  await page.getByRole("group", { name: "Data" }).getByRole("radio", { name: /Iris flowers/ }).check();
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("lab-status")).toContainText("on the iris flowers", { timeout: 60_000 });
  await expect(page.getByTestId("plot-lr-sweep").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(pageErrors).toEqual([]);

  // No script the page or its worker loaded contains the built-in layer.
  expect(workerUrls.size).toBeGreaterThan(0);
  for (const url of workerUrls) if (!scripts.has(url)) scripts.set(url, await (await page.request.get(url)).text());
  expect(scripts.size).toBeGreaterThan(3);
  for (const [url, text] of scripts) expect(text.includes(BUILTIN_LAYER_FRAGMENT), url).toBe(false);

  // The instructor dashboard shows the engagement.
  await page.context().clearCookies();
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.goto("/instructor");
  const row = page.getByTestId("lab-engagement").getByRole("row", { name: /Learning-rate robustness/ });
  await expect(row).toBeVisible();
  expect(Number(await row.getByRole("cell").nth(1).textContent())).toBeGreaterThanOrEqual(1);
});

test("a student who has not passed all three exercises finds the lab locked, with links to what to pass", async ({ page }) => {
  await signUpNewStudent(page, "Lab Student Failing");
  expect(await submit(page.request, "batchnorm-forward", CORRECT["batchnorm-forward"])).toBe("passed");
  // Drops the mean path: dx misses the "− dβ" term.
  expect(await submit(page.request, "batchnorm-backward", CORRECT_BACKWARD.replace("n * dout[i][j] - sg -", "n * dout[i][j] -"))).toBe("failed");

  await page.goto("/lab/learning-rate");
  const locked = page.getByTestId("lab-locked");
  await expect(locked).toContainText("The lab opens once you pass the three batch-norm exercises");
  await expect(locked.getByRole("link")).toHaveText(["Batch norm backward pass", "Batch norm at test time: the BatchNorm layer"]);
  await expect(page.getByRole("button", { name: "Run experiment" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // The layer itself is refused, and not a line of it is sent.
  const refused = await page.request.get("/api/lab/builtin");
  expect(refused.status()).toBe(403);
  expect(refused.headers()["cache-control"]).toBe("no-store");
  const body = await refused.text();
  expect(body).toContain("batchnorm-backward");
  expect(body).not.toContain(BUILTIN_LAYER_FRAGMENT);

  await page.goto("/lab");
  await expect(page.getByTestId("lab-locked")).toBeVisible();
  await page.getByTestId("lab-locked").getByRole("link", { name: "Batch norm at test time: the BatchNorm layer" }).click();
  await expect(page).toHaveURL(/\/exercises\/batchnorm-inference$/);
});
