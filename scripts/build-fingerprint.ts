/**
 * A cheap fingerprint of everything that goes into `next build`, so `npm start`
 * rebuilds after a pull or an edit instead of serving a stale build.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// exercises/ is not an input: content reaches the app through the manifest (npm run content:build), not the bundle.
const INPUTS = ["app", "lib", "grader", "instrumentation.ts", "package-lock.json", "next.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const FINGERPRINT_FILE = path.join(".next", "source-fingerprint");

function collect(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (!SKIP.has(child)) collect(path.join(entry, child), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const input of INPUTS) collect(input, entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return false;
  return readFileSync(FINGERPRINT_FILE, "utf8").trim() === sourceFingerprint();
}

export function recordBuildFingerprint(): void {
  writeFileSync(FINGERPRINT_FILE, `${sourceFingerprint()}\n`);
}
