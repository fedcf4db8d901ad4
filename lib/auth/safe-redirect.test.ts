import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps local paths with query and fragment", () => {
    expect(safeNextPath("/exercises/batchnorm-forward?x=1")).toBe("/exercises/batchnorm-forward?x=1");
    expect(safeNextPath("/lessons/why-batch-norm-works#noise")).toBe("/lessons/why-batch-norm-works#noise");
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath(undefined, "/dashboard")).toBe("/dashboard");
  });

  // Known open-redirect bypasses (OWASP, PortSwigger lists and what issue 21 reproduced).
  // Each is the DECODED value a page receives from `?next=…`.
  const bypasses: [string, string][] = [
    ["absolute https", "https://evil.example/"],
    ["absolute http", "http://evil.example"],
    ["scheme-relative", "//evil.example/"],
    ["triple slash", "///evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["tab between slashes (issue 21)", "/\t/evil.example"],
    ["tab then backslash (issue 21)", "/\t\\evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["CRLF header injection", "/\r\nSet-Cookie: x=1"],
    ["NUL", "/\u0000/evil.example"],
    ["leading space", " //evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["userinfo trick", "https://site.example@evil.example"],
    ["no leading slash", "evil.example"],
    ["scheme-relative with backslashes", "/\\/evil.example"],
    ["DEL character", "/\u007F/evil.example"],
    ["C1 control (NEL)", "/\u0085/evil.example"],
    ["over 512 characters", `/${"a".repeat(600)}`],
  ];
  it.each(bypasses)("refuses %s", (_label, value) => {
    expect(safeNextPath(value)).toBe("/");
  });

  it("does not decode percent-encoded slashes into a second slash", () => {
    // `%2F%2Fevil` stays one path segment (the browser does not decode it either).
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNextPath("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("normalises dot segments so the result is what the browser would request", () => {
    expect(safeNextPath("/a/../dashboard")).toBe("/dashboard");
    expect(safeNextPath("/..//evil.example")).toBe("/");
  });
});
