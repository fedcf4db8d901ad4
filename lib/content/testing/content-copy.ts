/**
 * Test-only: a throw-away copy of the content root. Every exercise's tests.ts
 * imports "../../grader/test-kit", so the copy sits in a folder that also
 * holds a link to the repository's grader/.
 */
import { chmodSync, cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function copyContent(source = path.resolve("exercises")): string {
  const base = mkdtempSync(path.join(tmpdir(), "content-copy-"));
  // mkdtemp makes it 0700; grading workers run as `nobody` when the tests run as root
  chmodSync(base, 0o755);
  symlinkSync(path.resolve("grader"), path.join(base, "grader"), "dir");
  const root = path.join(base, "exercises");
  cpSync(source, root, { recursive: true });
  return root;
}
