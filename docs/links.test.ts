/**
 * The repository's documentation must stand on its own: a clone has no
 * workspace around it. Every relative Markdown link in the docs an author or
 * operator reads resolves to a file inside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith(".md") ? [full] : [];
  });
}

const files = [path.join(repo, "README.md"), ...["docs", "exercises", "grader"].flatMap((d) => markdownFiles(path.join(repo, d)))];

describe("documentation links", () => {
  it.each(files.map((f) => [path.relative(repo, f), f]))("%s: relative links resolve inside the repository", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#|\/)/.test(target)) continue; // external, in-page, or a route of the app
      const resolved = path.resolve(path.dirname(file), target.split("#")[0]);
      if (!resolved.startsWith(repo + path.sep) || !existsSync(resolved)) broken.push(target);
    }
    expect(broken).toEqual([]);
    expect(text).not.toMatch(/\.\.\/shared\//);
  });
});
