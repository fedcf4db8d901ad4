import { describe, expect, it } from "vitest";
import { BEGIN, courseSummary, END, readReadme, replaceBlock } from "./course-summary";

describe("README course summary", () => {
  it("is the one generated from exercises/ (run `npm run docs:course` after changing the content)", async () => {
    const readme = await readReadme();
    const current = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
    expect(current, "README.md is stale: run `npm run docs:course`").toBe(await courseSummary());
  });

  it("lists every exercise folder once, with counts a test can recompute", async () => {
    const block = await courseSummary();
    expect(block).toMatch(/\| `batchnorm-forward` — .+ \| 1 \| `batchnormForward` \| \d+ \+ \d+ \| \d+ \| /);
    expect(replaceBlock(`a\n${BEGIN}\nold\n${END}\nb`, "NEW")).toBe("a\nNEW\nb");
    expect(() => replaceBlock("no markers", "NEW")).toThrow(/no <!-- course-summary:begin/);
  });
});
