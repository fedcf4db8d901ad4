/**
 * `npm run exercise:new` marks what the author must still write with
 * "TODO(author)"; the checker refuses a folder that still has one, so a
 * scaffold can never pass for a finished exercise.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const PLACEHOLDER = "TODO(author)";

export async function authorPlaceholders(dir: string, id: string): Promise<string[]> {
  const errors: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(ts|js|md|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const lines = (await readFile(file, "utf8")).split("\n");
    const at = lines.findIndex((l) => l.includes(PLACEHOLDER));
    if (at >= 0) errors.push(`${id}/${path.relative(dir, file)}:${at + 1}: still has ${PLACEHOLDER} placeholders to write`);
  }
  return errors.sort();
}
