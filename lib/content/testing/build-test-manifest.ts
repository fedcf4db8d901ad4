/**
 * Test-only: builds the manifest of a content root (default: the real
 * exercises/) into a temporary file and points CONTENT_MANIFEST at it, so a
 * test never depends on (or overwrites) the developer's .content/manifest.json.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildManifest } from "../build/build-manifest";
import { writeManifest } from "../build/write-manifest";
import type { Manifest } from "../manifest-schema";

let ownManifest: string | undefined;

export async function buildTestManifest(root?: string): Promise<Manifest> {
  const { manifest, problems } = await buildManifest(root);
  if (!manifest) throw new Error(`content does not build:\n${problems.join("\n")}`);
  // a file of this test's own (not the shared one global-manifest.ts made), rewritten on each call
  ownManifest ??= path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "manifest.json");
  process.env.CONTENT_MANIFEST = writeManifest(manifest, ownManifest);
  return manifest;
}
