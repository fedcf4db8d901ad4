import { describe, expect, it } from "vitest";
import { scriptsSharedByAllImports } from "./editor-preload";

describe("scriptsSharedByAllImports", () => {
  it("keeps the scripts every dynamic import needs and leaves one import's own chunk and the stylesheets out", () => {
    const manifest = {
      "1": { files: ["static/chunks/monaco-a.js", "static/chunks/monaco-b.js", "static/chunks/editor.css"] },
      "2": { files: ["static/chunks/diff-only.js", "static/chunks/monaco-a.js", "static/chunks/monaco-b.js"] },
    };
    expect(scriptsSharedByAllImports(manifest)).toEqual(["static/chunks/monaco-a.js", "static/chunks/monaco-b.js"]);
  });

  it("gives nothing for a page without dynamic imports", () => {
    expect(scriptsSharedByAllImports({})).toEqual([]);
  });
});
