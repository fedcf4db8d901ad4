import { describe, expect, it } from "vitest";
import { draftKey, newestDraft } from "./use-autosave";

describe("draft restore", () => {
  const local = { code: "local", language: "typescript" as const, savedAt: 2000 };
  const server = { code: "server", language: "javascript" as const, savedAt: 1000 };

  it("restores the newer of the local and the server draft", () => {
    expect(newestDraft(local, server)?.code).toBe("local");
    expect(newestDraft({ ...local, savedAt: 500 }, server)?.code).toBe("server");
  });

  it("falls back to whichever exists, or nothing", () => {
    expect(newestDraft(null, server)?.code).toBe("server");
    expect(newestDraft(local, null)?.code).toBe("local");
    expect(newestDraft(null, null)).toBeNull();
  });

  it("keeps drafts of different users and exercises apart", () => {
    expect(draftKey("a", "x")).not.toBe(draftKey("b", "x"));
    expect(draftKey("a", "x")).not.toBe(draftKey("a", "y"));
  });
});
