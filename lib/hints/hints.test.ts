// Hints: parsing hints.md, and opening them in order against a throw-away SQLite database with the real migrations.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";
import { loadHints, parseHints } from "./hints-file";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("hints");

let db: typeof import("@/lib/db").db;
let opens: typeof import("./hint-opens");

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  opens = await import("./hint-opens");
  await db.user.create({ data: { id: "alice", name: "alice", email: "alice@example.com" } });
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("parseHints", () => {
  it("splits on level-2 headings and drops author comments", () => {
    const hints = parseHints("<!-- note ## not a hint -->\nintro\n\n## One\n\nfirst $x$\n\n## Two\nsecond\n");
    expect(hints).toEqual([
      { title: "One", body: "first $x$" },
      { title: "Two", body: "second" },
    ]);
  });

  it("rejects a hint without a body", () => {
    expect(() => parseHints("## Empty\n\n## Full\ntext")).toThrow();
  });

  it("the backward exercise has four hints, the chain-rule formulas among them", async () => {
    const hints = await loadHints("batchnorm-backward");
    expect(hints).toHaveLength(4);
    expect(hints[2].body).toContain("(\\sigma^2_j + \\varepsilon)^{-3/2}");
    expect(await loadHints("batchnorm-forward")).toEqual([]);
    expect(await loadHints("../secrets")).toEqual([]);
  });
});

describe("opening hints", () => {
  it("opens in order only, is idempotent, and returns only opened hints", async () => {
    expect(await opens.openedHints("alice", "batchnorm-backward")).toEqual({ total: 4, opened: [] });
    await expect(opens.openHint("alice", "batchnorm-backward", { index: 1 })).rejects.toThrow(/Open hint 1 first/);
    expect(await opens.openHint("alice", "batchnorm-backward", { index: 0 })).toEqual({ opened: 1, total: 4 });
    expect(await opens.openHint("alice", "batchnorm-backward", { index: 0 })).toEqual({ opened: 1, total: 4 });
    expect(await opens.openHint("alice", "batchnorm-backward", { index: 1 })).toEqual({ opened: 2, total: 4 });
    const { opened } = await opens.openedHints("alice", "batchnorm-backward");
    expect(opened.map((h) => [h.index, h.title])).toEqual([
      [0, "Hint 1: the gradients of γ and β"],
      [1, "Hint 2: the three paths from x to the loss"],
    ]);
    expect(JSON.stringify(opened)).not.toContain("Hint 3");
    const byExercise = await opens.hintOpensByExercise("alice");
    expect(byExercise.get("batchnorm-backward")?.map((o) => o.index)).toEqual([0, 1]);
  });

  it("rejects indices out of range and malformed input", async () => {
    await expect(opens.openHint("alice", "batchnorm-backward", { index: 4 })).rejects.toThrow(/has 4 hints/);
    await expect(opens.openHint("alice", "batchnorm-forward", { index: 0 })).rejects.toThrow(/has 0 hints/);
    await expect(opens.openHint("alice", "batchnorm-backward", { index: -1 })).rejects.toThrow();
    await expect(opens.openHint("alice", "batchnorm-backward", { index: 0, extra: 1 })).rejects.toThrow();
  });
});
