import { describe, expect, it } from "vitest";
import type { LoadedExercise } from "@/grader/content/load-exercise";
import type { ResolvedTest } from "@/grader/contract/schema";
import { courseConsistency, staticChecks } from "./static-checks";

const tol = { atol: 1e-9, rtol: 1e-7 };
const test = (id: string, visibility: "public" | "hidden", points: number, hint: string | null = "a hint"): ResolvedTest => ({
  id,
  name: `name of ${id}`,
  visibility,
  points,
  tolerance: tol,
  kind: "call",
  args: [],
  ...(hint ? { hint } : {}),
});
const mistake = (id: string) => ({ id, message: "a message long enough", lesson: "/lessons/m#a", impl: { layernormForward: () => 0 } });

function exercise(overrides: Partial<LoadedExercise> = {}): LoadedExercise {
  return {
    spec: {
      id: "layernorm-forward",
      title: "t",
      kind: "function",
      entry: "layernormForward",
      languages: ["typescript"],
      tolerance: tol,
      limits: { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64 },
      lesson: "/lessons/beyond-batchnorm#layer-norm",
    },
    dir: "/tmp/x",
    contentHash: "0123456789abcdef",
    prompt: "Write `layernormForward`.",
    starter: "",
    reference: { layernormForward: () => 0 },
    tests: [test("p1", "public", 1), test("p2", "public", 1), test("p3", "public", 1), test("h1", "hidden", 2), test("h2", "hidden", 2)],
    parsedTests: [],
    mistakes: [mistake("a"), mistake("b")],
    ...overrides,
  };
}
const course = { modules: [{ id: "beyond-batchnorm", exercises: ["layernorm-forward"] }] };

describe("staticChecks", () => {
  it("accepts a well-formed exercise", () => {
    expect(staticChecks(exercise(), course)).toEqual([]);
  });

  it("requires the prompt to mention every function of otherEntries", () => {
    const base = exercise();
    const ex = exercise({ spec: { ...base.spec, otherEntries: { layernormBackward: ["dout", "x"] } } });
    expect(staticChecks(ex, course)).toEqual([expect.stringMatching(/prompt\.md: never mentions `layernormBackward`/)]);
    expect(staticChecks({ ...ex, prompt: "Write `layernormForward` and `layernormBackward`." }, course)).toEqual([]);
  });

  it("requires hidden tests to be worth more than public ones", () => {
    const ex = exercise({ tests: [test("p1", "public", 2), test("p2", "public", 1), test("p3", "public", 1), test("h1", "hidden", 4)] });
    expect(staticChecks(ex, course).join("\n")).toMatch(/hidden tests are worth 4 points, public 4/);
  });

  it("requires a hint on every hidden test and 3–6 public tests", () => {
    const ex = exercise({ tests: [test("p1", "public", 1), test("h1", "hidden", 3, null)] });
    const errors = staticChecks(ex, course).join("\n");
    expect(errors).toMatch(/hidden test "h1" needs a hint/);
    expect(errors).toMatch(/has 1 public tests; use 3–6/);
  });

  it("enforces the mistake minimums (5 for the core three, 1 otherwise)", () => {
    expect(staticChecks(exercise({ mistakes: [] }), course).join("\n")).toMatch(/has 0 known mistakes; at least 1/);
    expect(staticChecks(exercise({ mistakes: [mistake("a")] }), course).join("\n")).not.toMatch(/known mistakes/);
    const backward = exercise({ spec: { ...exercise().spec, id: "batchnorm-backward", entry: "layernormForward" } });
    const courseB = { modules: [{ id: "beyond-batchnorm", exercises: ["batchnorm-backward"] }] };
    expect(staticChecks(backward, courseB).join("\n")).toMatch(/has 2 known mistakes; at least 5/);
  });

  it("checks the module, course listing, prompt and unique test names", () => {
    const errors = staticChecks(
      exercise({ prompt: "no entry here", tests: [...exercise().tests, { ...test("h3", "hidden", 1), name: "name of h1" }] }),
      { modules: [{ id: "beyond-batchnorm", exercises: [] }] },
    ).join("\n");
    expect(errors).toMatch(/no module lists exercise "layernorm-forward"/);
    expect(errors).toMatch(/never mentions the entry/);
    expect(errors).toMatch(/share the name "name of h1"/);
    const twice = { modules: ["a", "b"].map((m) => ({ id: m, exercises: ["layernorm-forward"] })) };
    expect(staticChecks(exercise(), twice).join("\n")).toMatch(/listed in 2 modules \(a, b\)/);
  });
});

describe("courseConsistency", () => {
  it("reports listed exercises without a folder and folders not listed", () => {
    const errors = courseConsistency(["a", "b"], { modules: [{ id: "m", exercises: ["b", "c"] }] });
    expect(errors).toEqual([
      'exercises/course.json: exercise "c" has no folder exercises/c/ with an exercise.json',
      "exercises/a/: not listed in any module of exercises/course.json",
    ]);
  });
});
