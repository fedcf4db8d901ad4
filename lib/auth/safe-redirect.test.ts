import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps local paths", () => {
    expect(safeNextPath("/exercises/batchnorm-forward?x=1")).toBe("/exercises/batchnorm-forward?x=1");
  });
  it("rejects other origins and protocol-relative URLs", () => {
    expect(safeNextPath("https://evil.example/")).toBe("/");
    expect(safeNextPath("//evil.example/")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath(undefined, "/dashboard")).toBe("/dashboard");
  });
});
