import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DraftBody, DraftSaver, type SaveState } from "./draft-saver";

const DELAY = 1000;

/** A server whose responses the test releases one by one. */
function harness() {
  const requests: { draft: DraftBody; keepalive: boolean; answer: (stored: boolean) => void }[] = [];
  const states: SaveState[] = [];
  const saver = new DraftSaver({
    delayMs: DELAY,
    onState: (s) => states.push(s),
    send: (draft, keepalive) => new Promise<boolean>((resolve) => requests.push({ draft, keepalive, answer: resolve })),
  });
  const draft = (code: string): DraftBody => ({ code, language: "typescript" });
  /** Answers request `i` and lets its promise chain run. */
  const answer = async (i: number, stored: boolean) => {
    requests[i].answer(stored);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { saver, requests, states, draft, answer };
}

describe("DraftSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends once per pause in typing, with the newest text", () => {
    const { saver, requests, draft } = harness();
    saver.save(draft("a"));
    vi.advanceTimersByTime(DELAY - 1);
    saver.save(draft("ab"));
    vi.advanceTimersByTime(DELAY - 1);
    expect(requests).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(requests.map((r) => r.draft.code)).toEqual(["ab"]);
  });

  it("keeps one request in flight and sends what was typed meanwhile when it returns", async () => {
    const { saver, requests, states, draft, answer } = harness();
    saver.save(draft("a"));
    vi.advanceTimersByTime(DELAY);
    saver.save(draft("abc"));
    vi.advanceTimersByTime(DELAY);
    // The second save waits: two racing PUTs could be stored out of order.
    expect(requests.map((r) => r.draft.code)).toEqual(["a"]);
    await answer(0, true);
    expect(requests.map((r) => r.draft.code)).toEqual(["a", "abc"]);
    await answer(1, true);
    expect(states).toEqual(["saving", "saved", "saving", "saved"]);
  });

  it("sends at once with keepalive when the page goes away, even with a request in flight", () => {
    const { saver, requests, draft } = harness();
    saver.save(draft("a"));
    vi.advanceTimersByTime(DELAY);
    saver.save(draft("ab"));
    saver.flush(true);
    expect(requests.map((r) => [r.draft.code, r.keepalive])).toEqual([
      ["a", false],
      ["ab", true],
    ]);
  });

  it("keeps a draft the server refused and sends it on the next flush", async () => {
    const { saver, requests, states, draft, answer } = harness();
    saver.save(draft("a"));
    vi.advanceTimersByTime(DELAY);
    await answer(0, false);
    expect(states.at(-1)).toBe("failed");
    saver.flush(true);
    expect(requests.map((r) => r.draft.code)).toEqual(["a", "a"]);
  });

  it("treats a network error as a refusal", async () => {
    const states: SaveState[] = [];
    const saver = new DraftSaver({ delayMs: DELAY, onState: (s) => states.push(s), send: () => Promise.reject(new Error("offline")) });
    saver.save({ code: "a", language: "typescript" });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(states).toEqual(["saving", "failed"]);
  });

  it("tries newer text once more after a refusal, after the usual pause", async () => {
    const { saver, requests, draft, answer } = harness();
    saver.save(draft("a"));
    vi.advanceTimersByTime(DELAY);
    saver.save(draft("ab"));
    vi.advanceTimersByTime(DELAY);
    await answer(0, false);
    expect(requests).toHaveLength(1);
    vi.advanceTimersByTime(DELAY);
    expect(requests.map((r) => r.draft.code)).toEqual(["a", "ab"]);
  });

  it("recognises the texts it sent recently", () => {
    const { saver, draft } = harness();
    saver.save(draft("mine"));
    saver.flush();
    expect(saver.sentFromHere("mine")).toBe(true);
    expect(saver.sentFromHere("from another tab")).toBe(false);
  });

  it("sends nothing after dispose", () => {
    const { saver, requests, draft } = harness();
    saver.save(draft("a"));
    saver.dispose();
    vi.advanceTimersByTime(DELAY * 2);
    expect(requests).toHaveLength(0);
  });
});
