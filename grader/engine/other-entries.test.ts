/**
 * Exercises whose API is several functions (exercise.json `otherEntries`, a
 * call test's `entry`) and tests whose call must throw (`throws: true`),
 * graded through the real groupnorm exercise.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "./grade";
import { loadExercise, parseTests } from "../content/load-exercise";
import { GradeReportSchema } from "../contract/schema";

const dir = path.join(process.cwd(), "exercises", "groupnorm");
const read = (file: string) => readFile(path.join(dir, file), "utf8");

describe("several entries and required errors (groupnorm)", () => {
  it("loads the other entry of the reference and of every mistake", async () => {
    const ex = await loadExercise("groupnorm");
    expect(Object.keys(ex.reference)).toEqual(["groupnormForward", "groupnormBackward"]);
    for (const m of ex.mistakes) expect(typeof m.impl.groupnormBackward, m.id).toBe("function");
  });

  it("names a missing other entry and runs no test", async () => {
    const ex = await loadExercise("groupnorm");
    const code = (await read("reference.ts")).replace("export function groupnormBackward", "function groupnormBackward");
    const r = await gradeInProcess(ex, code, "typescript", "run");
    expect(r.status).toBe("error");
    expect(r.summary).toContain("groupnormBackward");
    expect(r.tests.every((t) => t.status === "error")).toBe(true);
  });

  it("calls the named entry, and names its own parameters when one is modified", async () => {
    const ex = await loadExercise("groupnorm");
    const code = (await read("reference.ts")).replace(
      "  const channels = x[0].length;\n  const perGroup = checkGroups(channels, groups);",
      "  dout[0][0][0][0] = 0;\n  const channels = x[0].length;\n  const perGroup = checkGroups(channels, groups);",
    );
    expect(code).toContain("dout[0][0][0][0] = 0;");
    const r = await gradeInProcess(ex, code, "typescript", "run");
    const backward = r.tests.find((t) => t.id === "backward-two-groups");
    expect(backward?.status).toBe("failed");
    expect(backward?.message).toContain("`dout[0][0][0][0]`");
    expect(r.tests.find((t) => t.id === "forward-two-groups")?.status).toBe("passed");
  });

  it("passes a throws test on any thrown value, fails a returned value as no-error-thrown and names the mistake", async () => {
    const ex = await loadExercise("groupnorm");
    const passing = await gradeInProcess(ex, await read("reference.ts"), "typescript", "submit", { seed: "3" });
    expect(passing.tests.filter((t) => t.id.endsWith("throws") || t.id === "groups-must-divide-channels").every((t) => t.status === "passed")).toBe(true);

    const r = await gradeInProcess(ex, await read("mistakes/no-divisibility-check.ts"), "typescript", "submit", { seed: "3" });
    expect(GradeReportSchema.parse(r)).toEqual(r);
    const failed = r.tests.filter((t) => t.status !== "passed");
    expect(failed.map((t) => t.id).sort()).toEqual(["backward-not-divisible-throws", "groups-must-divide-channels"]);
    expect(failed.every((t) => t.failure === "no-error-thrown")).toBe(true);
    expect(r.misconceptions?.map((m) => m.id)).toEqual(["no-divisibility-check"]);
  });

  it("rejects a test that names an entry the exercise does not have", async () => {
    const ex = await loadExercise("groupnorm");
    expect(() => parseTests([{ id: "t", name: "t", visibility: "public", points: 1, entry: "groupnormSideways", args: [] }], ex.spec)).toThrow(/neither the exercise's entry nor one of its otherEntries/);
  });
});
