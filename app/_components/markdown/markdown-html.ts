/**
 * Markdown → HTML text, for ./markdown.tsx. The pipeline is react-markdown's
 * own (remark-parse, our remark plugins, remark-rehype with raw HTML kept
 * only as text, our rehype plugins, react-markdown's URL sanitising), but the
 * result is serialised once to an HTML string instead of a React element per
 * node: a lesson's typeset math is thousands of KaTeX spans, and rendering
 * and serialising that element tree (RSC payload + HTML) on every request
 * cost the lesson and exercise pages most of their server time. A fenced
 * ```figure block at the top level is kept apart, as the interactive figure
 * it names.
 */
import type { Element, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { defaultUrlTransform } from "react-markdown";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypePlugins, remarkPlugins } from "@/lib/content/markdown-plugins";
import { rehypeScrollableMath } from "./rehype-scrollable-math";

export type MarkdownSegment = { kind: "html"; html: string } | { kind: "figure"; id: string };

const processor = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use([...rehypePlugins, rehypeScrollableMath]);

/** As react-markdown does: raw HTML shows as text; links and images pass its URL filter (no javascript: URLs). */
function sanitize(node: Root | RootContent): void {
  if (node.type !== "root" && node.type !== "element") return;
  node.children = node.children.map((child) => (child.type === "raw" ? { type: "text", value: child.value } : child));
  if (node.type === "element") {
    for (const key of ["href", "src"] as const) {
      if (Object.hasOwn(node.properties, key)) node.properties[key] = defaultUrlTransform(String(node.properties[key] ?? ""));
    }
  }
  for (const child of node.children) sanitize(child);
}

/** The figure id of a top-level ```figure fence, or null. */
export function figureIdOf(node: RootContent): string | null {
  if (node.type !== "element" || node.tagName !== "pre") return null;
  const code = node.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const className = code?.properties?.className;
  if (!code || !Array.isArray(className) || !className.includes("language-figure")) return null;
  return code.children
    .map((c) => (c.type === "text" ? c.value : ""))
    .join("")
    .trim();
}

export function markdownToSegments(source: string, allowFigures: boolean): MarkdownSegment[] {
  const tree = processor.runSync(processor.parse(source)) as Root;
  sanitize(tree);
  const segments: MarkdownSegment[] = [];
  let pending: RootContent[] = [];
  const flush = () => {
    if (pending.length) segments.push({ kind: "html", html: toHtml({ type: "root", children: pending }) });
    pending = [];
  };
  for (const node of tree.children) {
    const figure = allowFigures ? figureIdOf(node) : null;
    if (figure === null) {
      pending.push(node);
      continue;
    }
    flush();
    segments.push({ kind: "figure", id: figure });
  }
  flush();
  return segments;
}
