import { describe, expect, it } from "vitest";
import { BEGIN, courseSummary, END, readReadme, replaceBlock } from "./course-summary";

describe("README course summary", () => {
  it("README.md has the generated block (its freshness is an exercises:check warning: content edits never fail tests)", async () => {
    const readme = await readReadme();
    expect(readme.indexOf(BEGIN)).toBeGreaterThan(0);
    expect(readme.indexOf(END)).toBeGreaterThan(readme.indexOf(BEGIN));
  });

  it("lists every exercise folder once, with counts a test can recompute", async () => {
    const block = await courseSummary();
    expect(block).toMatch(/\| `batchnorm-forward` — .+ \| 1 \| `batchnormForward` \| \d+ \+ \d+ \| \d+ \| /);
    expect(replaceBlock(`a\n${BEGIN}\nold\n${END}\nb`, "NEW")).toBe("a\nNEW\nb");
    expect(() => replaceBlock("no markers", "NEW")).toThrow(/no <!-- course-summary:begin/);
  });
});
