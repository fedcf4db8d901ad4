import { describe, expect, it } from "vitest";
import { markdownToSegments } from "./markdown-html";

const html = (source: string, figures = false) =>
  markdownToSegments(source, figures)
    .map((s) => (s.kind === "html" ? s.html : `[figure ${s.id}]`))
    .join("");

describe("markdownToSegments", () => {
  it("typesets math on the server and marks display math as a focusable, scrollable region", () => {
    const out = html("Inline $x_i$ and\n\n$$\n\\hat{x} = \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}}\n$$\n");
    expect(out).toContain('class="katex"');
    expect(out).toMatch(/<span class="katex-display" tabindex="0" role="group" aria-label="Equation/);
    expect(out).toContain("<svg"); // the square-root bar
  });

  it("gives headings anchors and renders GFM tables", () => {
    const out = html("## Batch statistics\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(out).toContain('<h2 id="batch-statistics">Batch statistics</h2>');
    expect(out).toContain("<table>");
  });

  it("shows raw HTML as text and drops javascript: links, as react-markdown did", () => {
    const out = html('<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](/lessons/x)\n\n<img src=x onerror="alert(1)">');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&#x3C;script>");
    expect(out).toContain('<a href="">click</a>');
    expect(out).toContain('<a href="/lessons/x">ok</a>');
  });

  it("keeps top-level figure fences apart only where figures are allowed", () => {
    const source = "Before\n\n```figure\nnormalize-batch\n```\n\nAfter\n";
    expect(markdownToSegments(source, true).map((s) => s.kind)).toEqual(["html", "figure", "html"]);
    expect(html(source, true)).toContain("[figure normalize-batch]");
    expect(html(source, false)).toContain('<code class="language-figure">normalize-batch');
  });
});
