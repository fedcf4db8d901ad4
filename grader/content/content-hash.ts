/**
 * A content hash of a folder: SHA-256 over every file's relative path and
 * bytes (never mtimes), so a touched-but-unchanged file keeps the hash and a
 * copy of the folder elsewhere has the same one. The manifest build stamps it
 * on every exercise; the grading worker computes the same hash of what it
 * loaded and puts it in each report, so a stored report always names the
 * content that produced it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Length of the hex hashes stored and shown (64 bits: plenty to tell versions of one exercise apart). */
export const CONTENT_HASH_LENGTH = 16;

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Hash of the files under `dir` (sorted relative paths; `filter` narrows which count). */
export function hashFolder(dir: string, filter: (relativePath: string) => boolean = () => true): string {
  const hash = createHash("sha256");
  for (const rel of listFiles(dir).filter(filter).sort()) {
    const bytes = readFileSync(path.join(dir, rel));
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex").slice(0, CONTENT_HASH_LENGTH);
}

/** Hash of some named files' contents (lessons, quizzes): a missing file counts as empty. */
export function hashFiles(files: { label: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f.label}\0${Buffer.byteLength(f.text)}\0${f.text}`);
  return hash.digest("hex").slice(0, CONTENT_HASH_LENGTH);
}

/** An exercise folder's hash: every file except its own unit tests (`*.test.ts` do not change grading). */
export function exerciseContentHash(dir: string): string {
  return hashFolder(dir, (rel) => !rel.endsWith(".test.ts"));
}
