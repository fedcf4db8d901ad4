/**
 * The web replicas run the production build: build it when it is missing or
 * older than the sources. The content manifest is rebuilt every time (a second
 * or so): replicas and grader hosts route jobs by its content hashes.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, recordBuildFingerprint } from "../build-fingerprint";

export function ensureBuild(): void {
  const content = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-build.ts"], { stdio: "inherit" });
  if (content.status !== 0) throw new Error(`content:build failed (exit ${content.status})`);
  if (buildIsCurrent()) return;
  console.log("Building the app (missing or older than the sources)…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  recordBuildFingerprint();
}
