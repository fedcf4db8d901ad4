// The lab's server side against a throw-away SQLite database migrated with the real migrations.
import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("lab");

let db: typeof import("@/lib/db").db;
let myBatchNorm: typeof import("./my-batchnorm");
let labRuns: typeof import("./lab-runs");

const reference = (id: string) => readFileSync(`exercises/${id}/reference.ts`, "utf8");
let n = 0;
async function submit(userId: string, exerciseId: string, code: string, verdict: string, minutes: number) {
  await db.submission.create({
    data: { userId, exerciseId, clientRequestId: `r${n++}`, code, language: "typescript", mode: "submit", status: "graded", verdict, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minutes)) },
  });
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  myBatchNorm = await import("./my-batchnorm");
  labRuns = await import("./lab-runs");
  for (const id of ["alice", "bob", "carol"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  for (const ex of ["batchnorm-forward", "batchnorm-backward", "batchnorm-inference"]) {
    await submit("alice", ex, reference(ex), "passed", 1);
    await submit("bob", ex, `// bob's ${ex}\n${reference(ex)}`, "passed", 1);
  }
  // Alice's later failing attempt must not replace her latest passing one.
  await submit("alice", "batchnorm-forward", "export function batchnormForward() { return null; }", "failed", 5);
  await submit("carol", "batchnorm-forward", reference("batchnorm-forward"), "passed", 1);
  await submit("carol", "batchnorm-backward", "export function batchnormBackward() { return null; }", "failed", 2);
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("my batch norm (server)", () => {
  it("uses the caller's latest PASSING submissions, compiled, and only theirs", async () => {
    const alice = await myBatchNorm.loadMyBatchNorm("alice");
    expect(alice.ready).toBe(true);
    if (!alice.ready) return;
    expect(alice.code.forward).toContain("exports.batchnormForward");
    expect(alice.code.forward).not.toContain("return null");
    expect(Object.values(alice.code).join("\n")).not.toContain("// bob's");
  });

  it("says why it cannot be used: a failing latest submission, a missing one", async () => {
    const carol = await myBatchNorm.loadMyBatchNorm("carol");
    expect(carol.ready).toBe(false);
    expect(carol.parts.map((p) => p.problem)).toEqual([
      undefined,
      "batchnorm-backward: your latest submission did not pass (failed). The lab can use your batch norm once it passes.",
      "batchnorm-inference: you have not submitted it yet. The lab can use your batch norm once it passes.",
    ]);
    expect("code" in carol).toBe(false);
  });
});

describe("lab runs", () => {
  it("records validated runs and counts engagement per experiment", async () => {
    await labRuns.recordLabRun("alice", { experimentId: "learning-rate", layer: "mine", seed: 1, outcome: "completed", ms: 900 });
    await labRuns.recordLabRun("alice", { experimentId: "learning-rate", layer: "builtin", seed: 2, outcome: "stopped" });
    await labRuns.recordLabRun("bob", { experimentId: "learning-rate", layer: "builtin", seed: 1, outcome: "failed" });
    await expect(labRuns.recordLabRun("bob", { experimentId: "nope", layer: "builtin", seed: 1, outcome: "completed" })).rejects.toThrow();
    await expect(labRuns.recordLabRun("bob", { experimentId: "learning-rate", layer: "builtin", seed: -1, outcome: "completed" })).rejects.toThrow();
    const rows = await labRuns.labEngagement();
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.experimentId === "learning-rate")).toEqual({ experimentId: "learning-rate", runs: 3, students: 2, studentsWithOwnLayer: 1, completed: 1, failed: 1 });
    expect(rows.find((r) => r.experimentId === "test-time")).toMatchObject({ runs: 0, students: 0 });
  });
});
