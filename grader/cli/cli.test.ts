import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { GradeReportSchema } from "../contract/schema";

function grade(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--no-node-snapshot", "grader/cli/cli.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run grade (grader/cli/cli.ts)", () => {
  it("prints exactly one passing GradeReport for the reference with --json and exits 0", () => {
    const { code, stdout } = grade("batchnorm-forward", "exercises/batchnorm-forward/reference.ts", "--json");
    expect(code).toBe(0);
    const report = GradeReportSchema.parse(JSON.parse(stdout));
    expect(report).toMatchObject({ exerciseId: "batchnorm-forward", mode: "submit", status: "passed", score: 1 });
    expect(report.tests.some((t) => t.visibility === "hidden")).toBe(true);
  });

  it("exits 1 for the starter, and --mode run executes only public tests", () => {
    const submit = grade("batchnorm-forward", "exercises/batchnorm-forward/starter.ts", "--json");
    expect(submit.code).toBe(1);
    expect(GradeReportSchema.parse(JSON.parse(submit.stdout)).status).toBe("failed");
    const run = grade("batchnorm-forward", "exercises/batchnorm-forward/starter.ts", "--json", "--mode", "run");
    const report = GradeReportSchema.parse(JSON.parse(run.stdout));
    expect(report.mode).toBe("run");
    expect(report.tests.every((t) => t.visibility === "public")).toBe(true);
  });

  it("exits 2 with a usage message for an unknown exercise or a missing file", () => {
    const unknown = grade("no-such-exercise", "exercises/batchnorm-forward/reference.ts");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown exercise/);
    const missing = grade("batchnorm-forward", "does/not/exist.ts");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/usage/);
  });

  it("--author adds every test's inputs, expected value and hint, hidden ones included, for the seed that was graded", () => {
    const { code, stdout } = grade("batchnorm-forward", "exercises/batchnorm-forward/mistakes/unbiased-variance.ts", "--json", "--author");
    expect(code).toBe(1);
    const { report, author } = JSON.parse(stdout) as {
      report: unknown;
      author: { seed: string; tests: { id: string; visibility: string; inputs: Record<string, unknown>; expected: unknown; hint: string | null; status: string }[] };
    };
    const parsed = GradeReportSchema.parse(report);
    expect(author.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(author.tests.map((t) => t.id)).toEqual(parsed.tests.map((t) => t.id));
    const hidden = author.tests.filter((t) => t.visibility === "hidden");
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) {
      expect(Object.keys(t.inputs)).toEqual(["x", "gamma", "beta", "eps"]);
      expect(t.expected).toHaveProperty("out");
      expect(t.status).toBe(parsed.tests.find((r) => r.id === t.id)?.status);
    }
    // without --author nothing of the hidden inputs is printed
    const plain = grade("batchnorm-forward", "exercises/batchnorm-forward/mistakes/unbiased-variance.ts", "--json");
    expect(plain.stdout).not.toContain('"inputs"');
  });
});
