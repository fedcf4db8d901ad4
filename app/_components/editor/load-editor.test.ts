import { describe, expect, it } from "vitest";
import { opensWithEditor } from "./load-editor";

describe("opensWithEditor", () => {
  it("is the student's exercise workspace", () => {
    expect(opensWithEditor("/exercises/batchnorm-forward")).toBe(true);
    expect(opensWithEditor("/exercises/batchnorm-forward/")).toBe(true);
  });

  it("is not the exercise list, a lesson, or an instructor page", () => {
    expect(opensWithEditor("/exercises")).toBe(false);
    expect(opensWithEditor("/exercises/")).toBe(false);
    expect(opensWithEditor("/lessons/normalizing-activations")).toBe(false);
    expect(opensWithEditor("/instructor/exercises/batchnorm-forward/preview")).toBe(false);
  });
});
