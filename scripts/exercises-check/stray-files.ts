/**
 * Files in an exercise folder that nothing reads. A mistake saved beside
 * tests.ts instead of in mistakes/, or an alternative with a typo in its
 * folder name, would otherwise be silently ignored: never graded, never
 * proven caught.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { KEBAB_NAME } from "@/grader/contract/vocabulary";

const TOP_LEVEL = new Set(["exercise.json", "prompt.md", "starter.ts", "reference.ts", "tests.ts", "hints.md"]);
const FOLDERS: Record<string, RegExp> = {
  mistakes: new RegExp(`^${KEBAB_NAME}\\.ts$`),
  alternatives: new RegExp(`^${KEBAB_NAME}\\.(?:ts|js)$`),
};

export async function strayFiles(dir: string, id: string): Promise<string[]> {
  const errors: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${id}/${entry.name}`;
    if (entry.isDirectory()) {
      const pattern = FOLDERS[entry.name];
      if (!pattern) {
        errors.push(`${rel}/: not a folder the grader reads (only mistakes/ and alternatives/); rename or remove it`);
        continue;
      }
      for (const inner of await readdir(path.join(dir, entry.name), { withFileTypes: true })) {
        if (inner.isFile() && pattern.test(inner.name)) continue;
        if (entry.name === "mistakes" && inner.name.endsWith(".test.ts")) continue;
        errors.push(`${rel}/${inner.name}: not read by the grader (${entry.name}/ holds kebab-case ${entry.name === "mistakes" ? ".ts" : ".ts or .js"} files only)`);
      }
    } else if (!TOP_LEVEL.has(entry.name) && !entry.name.endsWith(".test.ts")) {
      errors.push(`${rel}: not a file the grader reads; a known mistake goes in mistakes/, a correct variant in alternatives/, anything else out of the folder`);
    }
  }
  return errors;
}
