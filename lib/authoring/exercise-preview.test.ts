/**
 * The preview is computed by the checker's code in a child process and cached
 * per content hash: the second load is a file read, and it carries the author
 * view of every test (hidden ones included) and each mistake's verdict.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exerciseContentHash } from "@/grader/content/content-hash";
import { exercisePreview } from "./exercise-preview";
import { authorViewOf } from "./grade-pasted";

const dir = mkdtempSync(path.join(tmpdir(), "preview-cache-"));
const saved = { manifest: process.env.CONTENT_MANIFEST, seeds: process.env.PREVIEW_SEEDS };

beforeAll(() => {
  process.env.CONTENT_MANIFEST = path.join(dir, "manifest.json");
  process.env.PREVIEW_SEEDS = "2";
});
afterAll(() => {
  process.env.CONTENT_MANIFEST = saved.manifest;
  process.env.PREVIEW_SEEDS = saved.seeds;
  rmSync(dir, { recursive: true, force: true });
});

describe("exercisePreview", () => {
  const id = "layernorm-forward";
  const hash = exerciseContentHash(path.resolve("exercises", id));

  it("computes the checker's verdicts and the author view, then serves them from the cache", async () => {
    const first = await exercisePreview(id, hash);
    expect(first.contentHash).toBe(hash);
    expect(first.referencePassed).toBe(true);
    expect(first.seeds).toBe(2);
    const hidden = first.tests.filter((t) => t.visibility === "hidden");
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((t) => t.hint && t.expected !== undefined && t.inputs !== undefined)).toBe(true);
    expect(first.mistakes.length).toBeGreaterThan(0);
    for (const m of first.mistakes) expect(m.named[m.id]).toBe(2);
    expect(readdirSync(path.join(dir, "preview"))).toEqual([`${id}-${hash}.json`]);

    // Mark the cached file: a second load that returns the mark read the cache instead of recomputing.
    const file = path.join(dir, "preview", `${id}-${hash}.json`);
    writeFileSync(file, JSON.stringify({ ...first, computedMs: -1 }));
    const again = await exercisePreview(id, hash);
    expect(again).toEqual({ ...first, computedMs: -1 });
  }, 120_000);

  it("pairs a pasted grading's verdicts with the preview's rows", async () => {
    const preview = await exercisePreview(id, hash);
    const [one, two] = preview.tests;
    const report = { ...preview.referenceReport, tests: [{ ...preview.referenceReport.tests[0], status: "failed" as const, message: "wrong values" }] };
    const rows = authorViewOf(preview, report);
    expect(rows[0]).toMatchObject({ id: one.id, status: "failed", message: "wrong values", expected: one.expected });
    expect(rows[1]).toMatchObject({ id: two.id, status: "not run" });
  });
});
