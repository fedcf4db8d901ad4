/**
 * Server-rendered markdown with KaTeX math and heading anchors (the same plugin
 * list the content checker uses). A fenced ```figure block becomes the
 * interactive client figure it names.
 */
import type { Element } from "hast";
import type { ComponentProps } from "react";
import type { ReactElement } from "react";
import renderMarkdown from "react-markdown";
import { boundedMemo } from "@/lib/cache/bounded-memo";
import { isFigureId } from "@/lib/content/figure-ids";
import { rehypePlugins, remarkPlugins } from "@/lib/content/markdown-plugins";
import { LessonFigure } from "../figures/lesson-figure";
import { rehypeScrollableMath } from "./rehype-scrollable-math";

const pagePlugins = [...rehypePlugins, rehypeScrollableMath];

function figureIdOf(node: Element | undefined): string | null {
  const code = node?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const className = code?.properties?.className;
  if (!Array.isArray(className) || !className.includes("language-figure")) return null;
  const text = code?.children.map((c) => (c.type === "text" ? c.value : "")).join("").trim();
  return text ?? null;
}

function Pre({ node, ...props }: ComponentProps<"pre"> & { node?: Element }) {
  const figure = figureIdOf(node);
  if (figure !== null) return isFigureId(figure) ? <LessonFigure id={figure} /> : <p role="alert">Unknown figure “{figure}”.</p>;
  return <pre {...props} />;
}

// Parsing markdown and typesetting its math (KaTeX) cost lessons and exercise
// prompts 100–300 ms per request; a source always renders to the same tree,
// so each is rendered once (react-markdown's synchronous renderer, no hooks).
const render = (allowFigures: boolean) =>
  boundedMemo(
    (source): ReactElement =>
      renderMarkdown({ children: source, remarkPlugins, rehypePlugins: pagePlugins, components: allowFigures ? { pre: Pre } : undefined }),
    300,
  );
const plain = render(false);
const withFigures = render(true);

export function Markdown({ source, allowFigures = false }: { source: string; allowFigures?: boolean }) {
  return (allowFigures ? withFigures : plain)(source);
}
