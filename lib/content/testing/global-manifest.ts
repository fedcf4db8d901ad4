/**
 * Vitest global setup: builds the manifest of the real exercises/ once into a
 * temporary file and points CONTENT_MANIFEST at it (test workers inherit the
 * environment), so tests that read content through lib/content/manifest.ts
 * neither need `npm run content:build` first nor touch .content/.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildManifest } from "../build/build-manifest";
import { writeManifest } from "../build/write-manifest";

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), "test-manifest-"));
  const { manifest, problems } = await buildManifest(path.resolve("exercises"));
  if (!manifest) throw new Error(`exercises/ does not build:\n${problems.join("\n")}`);
  process.env.CONTENT_MANIFEST = writeManifest(manifest, path.join(dir, "manifest.json"));
  return () => rmSync(dir, { recursive: true, force: true });
}
