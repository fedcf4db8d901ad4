/**
 * Progressive hints authored beside an exercise: exercises/<id>/hints.md, one
 * "## " section per hint, in the order students open them. Server-only: an
 * unopened hint never leaves the server (see hint-opens.ts).
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { contentRoot } from "@/lib/content/paths";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

export const MAX_HINTS = 8;

export const HintSchema = z.object({ title: z.string().min(1).max(120), body: z.string().min(1) });
export const HintsSchema = z.array(HintSchema).max(MAX_HINTS, `at most ${MAX_HINTS} hints`);
export type Hint = z.infer<typeof HintSchema>;

/** Splits hints.md into hints; HTML comments (author notes) are dropped. */
export function parseHints(markdown: string): Hint[] {
  const text = markdown.replace(/<!--[\s\S]*?-->/g, "");
  const sections = text.split(/^## /m).slice(1);
  return HintsSchema.parse(
    sections.map((section) => {
      const newline = section.indexOf("\n");
      const title = (newline < 0 ? section : section.slice(0, newline)).trim();
      return { title, body: newline < 0 ? "" : section.slice(newline + 1).trim() };
    }),
  );
}

/** The exercise's hints, or [] when it has no hints.md. */
export async function loadHints(exerciseId: string, root = contentRoot()): Promise<Hint[]> {
  if (!KEBAB_ID.test(exerciseId)) return [];
  let markdown: string;
  try {
    markdown = await readFile(path.join(root, exerciseId, "hints.md"), "utf8");
  } catch {
    return [];
  }
  return parseHints(markdown);
}
