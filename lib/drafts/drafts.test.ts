// Drafts against a throw-away SQLite database migrated with the real migrations.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("drafts");

let db: typeof import("@/lib/db").db;
let drafts: typeof import("./drafts");

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  drafts = await import("./drafts");
  await db.user.create({ data: { id: "alice", name: "alice", email: "alice@example.com" } });
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("drafts", () => {
  it("returns null before anything is saved, then the latest save", async () => {
    expect(await drafts.getDraft("alice", "batchnorm-forward")).toBeNull();
    const first = await drafts.saveDraft("alice", "batchnorm-forward", { code: "let a = 1;", language: "typescript" });
    const second = await drafts.saveDraft("alice", "batchnorm-forward", { code: "let a = 2;", language: "javascript" });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
    expect(await drafts.getDraft("alice", "batchnorm-forward")).toMatchObject({ code: "let a = 2;", language: "javascript" });
    expect(await drafts.getDraft("alice", "layernorm-forward")).toBeNull();
  });

  it("rejects oversized code and unknown languages", async () => {
    await expect(drafts.saveDraft("alice", "batchnorm-forward", { code: "x".repeat(70_000), language: "typescript" })).rejects.toThrow(/64 KB/);
    await expect(drafts.saveDraft("alice", "batchnorm-forward", { code: "", language: "python" })).rejects.toThrow(/language/);
    expect((await drafts.getDraft("alice", "batchnorm-forward"))?.code).toBe("let a = 2;");
  });
});
