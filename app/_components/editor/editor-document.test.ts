import { describe, expect, it } from "vitest";
import { textToApply } from "./editor-document";

describe("textToApply", () => {
  it("never writes an applied document back over what the student typed since", () => {
    // The page's copy lags two keystrokes behind the editor: nothing is written.
    expect(textToApply(3, { text: "const a", revision: 3 }, "const a =")).toBeNull();
  });

  it("writes a new document from outside (reset, language switch, chosen draft) once", () => {
    expect(textToApply(3, { text: "starter", revision: 4 }, "my code")).toBe("starter");
  });

  it("skips the edit when the editor already holds the new document's text", () => {
    expect(textToApply(3, { text: "same", revision: 4 }, "same")).toBeNull();
  });
});
