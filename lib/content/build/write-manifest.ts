/** Writes a built manifest where lib/content/manifest.ts reads it (write-then-rename: a reader never sees half a file). */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest-schema";
import { manifestPath } from "../manifest-path";

export function writeManifest(manifest: Manifest, file = manifestPath()): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, file);
  return file;
}
