// `next dev`: an edit under the content root shows on the next read of the
// manifest, rebuilt by scripts/content-build.ts in a child process.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyContent } from "./testing/content-copy";
import { buildTestManifest } from "./testing/build-test-manifest";

const root = copyContent();
const previous = { EXERCISES_DIR: process.env.EXERCISES_DIR, NODE_ENV: process.env.NODE_ENV };

beforeAll(async () => {
  process.env.EXERCISES_DIR = root;
  await buildTestManifest(root);
});

afterAll(() => {
  process.env.EXERCISES_DIR = previous.EXERCISES_DIR;
  (process.env as Record<string, string | undefined>).NODE_ENV = previous.NODE_ENV;
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe("development rebuild", () => {
  it("serves an edited prompt on the next read, without a manual rebuild", async () => {
    const { findExercise } = await import("./manifest");
    const before = await findExercise("batchnorm-forward");
    const file = path.join(root, "batchnorm-forward", "prompt.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("# Batch norm forward pass", "# Batch norm forward pass, edited"));

    (process.env as Record<string, string>).NODE_ENV = "production";
    expect((await findExercise("batchnorm-forward"))?.prompt).toBe(before?.prompt); // production: only content:build changes it

    (process.env as Record<string, string>).NODE_ENV = "development";
    await new Promise((r) => setTimeout(r, 1_100)); // checks are at most once a second
    const after = await findExercise("batchnorm-forward");
    expect(after?.prompt).toContain("# Batch norm forward pass, edited");
    expect(after?.contentHash).not.toBe(before?.contentHash);
  }, 60_000);
});
