/** Lesson markdown files (exercises/lessons/<id>.md) and the heading anchors they define. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { contentRoot } from "./paths";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

export async function loadLessonMarkdown(lessonId: string, root = contentRoot()): Promise<string | null> {
  if (!KEBAB_ID.test(lessonId)) return null;
  try {
    return await readFile(path.join(root, "lessons", `${lessonId}.md`), "utf8");
  } catch {
    return null;
  }
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Ids of every heading, exactly as the lesson page's rehype-slug produces them. */
export function headingAnchors(markdown: string): string[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeSlug);
  const tree = processor.runSync(processor.parse(markdown)) as unknown as HastNode;
  const ids: string[] = [];
  const walk = (node: HastNode) => {
    if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "") && typeof node.properties?.id === "string") {
      ids.push(node.properties.id);
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return ids;
}

/** The first level-1 heading's text, used as the page title. */
export function lessonTitle(markdown: string): string | null {
  const match = markdown.match(/^#\s+(.+)$/m);
  return match ? match[1].trim() : null;
}

/** Figure markers: a fenced block ```figure\n<figure-id>\n```. */
export function figureIds(markdown: string): string[] {
  return [...markdown.matchAll(/^```figure\s*\n\s*([a-z0-9-]+)\s*\n```/gm)].map((m) => m[1]);
}

/** Figure ids per section anchor (a figure belongs to the nearest heading above it). */
export function figuresBySection(markdown: string): Map<string, string[]> {
  const anchors = headingAnchors(markdown);
  const sections = new Map<string, string[]>();
  const lines = markdown.split("\n");
  let heading = -1;
  let inFence = false;
  lines.forEach((line, i) => {
    if (line.startsWith("```")) {
      if (!inFence && line.trim() === "```figure" && heading >= 0) {
        const id = lines[i + 1]?.trim();
        if (id) sections.set(anchors[heading], [...(sections.get(anchors[heading]) ?? []), id]);
      }
      inFence = !inFence;
      return;
    }
    if (!inFence && /^#{1,6}\s/.test(line)) heading++;
  });
  return sections;
}
