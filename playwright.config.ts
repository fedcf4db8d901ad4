import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./e2e/helpers/chromium";

// scripts/run-e2e.ts picks a free port, builds the app and exports E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // 2 cores: the production server and its grader workers need one of them.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db",
      SKIP_BUILD: "1",
      SEED_DEMO_DATA: "true",
      AUTH_RATE_LIMIT_MAX: "5000",
      AUTH_SIGN_IN_LIMIT: "2000",
      AUTH_SIGN_UP_LIMIT: "2000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
