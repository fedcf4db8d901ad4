/**
 * Server-rendered markdown with KaTeX math and heading anchors (the same plugin
 * list the content checker uses). A fenced ```figure block becomes the
 * interactive client figure it names.
 */
import { boundedMemo } from "@/lib/cache/bounded-memo";
import { isFigureId } from "@/lib/content/figure-ids";
import { LessonFigure } from "../figures/lesson-figure";
import { markdownToSegments } from "./markdown-html";

// A source always renders to the same HTML, so each is rendered once; the
// page then sends a string instead of an element tree (./markdown-html.ts).
const render = (allowFigures: boolean) => boundedMemo((source) => markdownToSegments(source, allowFigures), 300);
const plain = render(false);
const withFigures = render(true);

export function Markdown({ source, allowFigures = false }: { source: string; allowFigures?: boolean }) {
  const segments = (allowFigures ? withFigures : plain)(source);
  return segments.map((segment, i) =>
    segment.kind === "figure" ? (
      isFigureId(segment.id) ? (
        <LessonFigure key={`figure-${segment.id}`} id={segment.id} />
      ) : (
        <p key={`figure-${segment.id}`} role="alert">
          Unknown figure “{segment.id}”.
        </p>
      )
    ) : (
      // Course content, sanitised as react-markdown would (markdown-html.ts); the wrapper takes no box of its own.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered on the server from the course's markdown, raw HTML escaped
      // biome-ignore lint/suspicious/noArrayIndexKey: segments of one source never reorder
      <div key={i} style={{ display: "contents" }} dangerouslySetInnerHTML={{ __html: segment.html }} />
    ),
  );
}
