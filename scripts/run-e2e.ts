/**
 * `npm run test:e2e`: builds the production app when needed, picks a free
 * port and a fresh database, then runs Playwright against the production server
 * (scripts/start.ts → scripts/serve.ts).
 * Extra arguments go to Playwright (e.g. `npm run test:e2e -- e2e/auth-sign-in.spec.ts`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_INSTALL_HINT, chromiumPath } from "../e2e/helpers/chromium";
import { buildIsCurrent, recordBuildFingerprint } from "./build-fingerprint";
import { freePort } from "./free-port";
import { runNextBuild } from "./next-build";


const browser = chromiumPath();
if (!browser || !existsSync(browser)) {
  console.error(CHROMIUM_INSTALL_HINT);
  process.exit(1);
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!buildIsCurrent()) {
  console.log("Building the production app for the end-to-end tests…");
  // fails on any Turbopack warning too (scripts/next-build.ts)
  const status = await runNextBuild();
  if (status !== 0) process.exit(status);
  // The brotli/gzip copies scripts/serve.ts sends, so the tests load the app as production does.
  const precompress = spawnSync(process.execPath, ["--import", "tsx", "scripts/precompress-static.ts"], { stdio: "inherit" });
  if (precompress.status !== 0) process.exit(precompress.status ?? 1);
  recordBuildFingerprint();
}

const databaseFile = path.resolve("prisma/e2e.db");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(databaseFile + suffix, { force: true });

const port = await freePort();
console.log(`End-to-end tests against http://localhost:${port} (Chromium: ${browser})`);
const result = spawnSync(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_PORT: String(port), E2E_DATABASE_URL: "file:./prisma/e2e.db", CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
