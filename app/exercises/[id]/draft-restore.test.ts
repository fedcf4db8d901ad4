import { describe, expect, it } from "vitest";
import { initialText, serverDraftArrival } from "./draft-restore";

const starter = { code: "starter", language: "typescript" as const };

describe("initialText", () => {
  it("opens the newer draft, else the starter", () => {
    const local = { code: "local", language: "typescript" as const, savedAt: 2000 };
    const server = { code: "server", language: "javascript" as const, savedAt: 1000 };
    expect(initialText(local, server, starter)).toEqual({ code: "local", language: "typescript" });
    expect(initialText(null, server, starter)).toEqual({ code: "server", language: "javascript" });
    expect(initialText(null, null, starter)).toEqual(starter);
  });
});

describe("serverDraftArrival", () => {
  const page = { current: "typed since load", opened: "opened with", sentFromHere: (code: string) => code === "autosaved a moment ago" };
  const draft = (code: string) => ({ code, language: "typescript" as const, savedAt: Date.now() });

  it("ignores this page's own drafts, even when the student typed on since they were saved", () => {
    expect(serverDraftArrival(draft("autosaved a moment ago"), page)).toBe("ignore");
    expect(serverDraftArrival(draft("opened with"), page)).toBe("ignore");
    expect(serverDraftArrival(draft("typed since load"), page)).toBe("ignore");
    expect(serverDraftArrival(null, page)).toBe("ignore");
  });

  it("reports a different text saved elsewhere, however new (the editor keeps the student's text)", () => {
    expect(serverDraftArrival({ ...draft("from another tab"), savedAt: Date.now() + 60_000 }, page)).toBe("elsewhere");
  });
});
