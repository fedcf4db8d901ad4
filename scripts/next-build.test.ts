import { describe, expect, it } from "vitest";
import { buildWarnings } from "./next-build";

describe("buildWarnings (next build must print none)", () => {
  it("finds Turbopack's warning block, colour codes and all", () => {
    const output = [
      "✓ Generating static pages using 1 worker (5/5) in 236ms",
      "Turbopack build encountered 1 warnings:",
      "./grader/index.ts:35:11",
      "\u001b[33mWarning\u001b[0m: Dynamic filesystem access causes tracing of the whole project",
    ].join("\n");
    expect(buildWarnings(output)).toHaveLength(2);
  });

  it("passes a clean build's output", () => {
    const output = ["▲ Next.js 16.4.6 (Turbopack)", "- Experiments (use with caution):", "  ✓ authInterrupts", "✓ Compiled successfully in 95s", "Route (app)"].join("\n");
    expect(buildWarnings(output)).toEqual([]);
  });

  it("ignores the fresh-clone notice about a missing build cache, but not a warning beside it", () => {
    const notice = "\u001b[33m⚠\u001b[39m No build cache found. Please configure build caching for faster rebuilds. Read more: https://nextjs.org/docs/messages/no-cache";
    expect(buildWarnings(["▲ Next.js 16.4.6 (Turbopack)", notice, "✓ Compiled successfully in 58s"].join("\n"))).toEqual([]);
    expect(buildWarnings([notice, "⚠ Unsupported metadata themeColor"].join("\n"))).toHaveLength(1);
  });
});
