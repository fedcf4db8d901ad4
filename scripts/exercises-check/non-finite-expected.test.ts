import { describe, expect, it } from "vitest";
import { type LoadedExercise, loadExercise } from "@/grader/content/load-exercise";
import { checkerSeeds } from "./check-exercise";
import { nonFiniteExpectations, nonFinitePath } from "./non-finite-expected";

/** layernorm-forward whose reference divides 0 by 0 on its first output, as with ε = 0 on a constant row. */
async function withNaNReference(): Promise<LoadedExercise> {
  const exercise = await loadExercise("layernorm-forward");
  const reference = exercise.reference.layernormForward as (...args: unknown[]) => number[][];
  return {
    ...exercise,
    reference: {
      layernormForward: (...args: unknown[]) => {
        const out = reference(...args);
        out[0][0] = 0 / 0;
        return out;
      },
    },
    // fresh test objects: reference outputs are cached per test object
    tests: exercise.tests.map((t) => ({ ...t })),
  };
}

describe("non-finite expected values", () => {
  it("finds the marker the harness encoding uses, with its path", () => {
    expect(nonFinitePath({ out: [[1, "__NaN__"]] })).toBe(".out[0][1]");
    expect(nonFinitePath([1, 2, { a: "__-Infinity__" }])).toBe("[2].a");
    expect(nonFinitePath("__Infinity__")).toBe("(the result)");
    expect(nonFinitePath({ out: [[1, 2]], label: "NaN" })).toBeNull();
  });

  it("a real exercise's reference passes (exercises:check runs this on every exercise)", async () => {
    const exercise = await loadExercise("layernorm-forward");
    expect(nonFiniteExpectations(exercise, checkerSeeds(3))).toEqual([]);
  });

  it("a reference returning NaN fails the check with the test, the place and the recipe", async () => {
    const exercise = await withNaNReference();
    const errors = nonFiniteExpectations(exercise, checkerSeeds(2));
    expect(errors).toHaveLength(exercise.parsedTests.length);
    expect(errors[0]).toMatch(/^layernorm-forward\/tests\.ts: test "small-batch": the reference returns a non-finite number at \[0\]\[0\]/);
    expect(errors[0]).toContain("add `expectNonFinite: true`");
  });

  it("a test that declares expectNonFinite is accepted", async () => {
    const exercise = await withNaNReference();
    const declared = {
      ...exercise,
      parsedTests: exercise.parsedTests.map((p) => (p.definition.id === "small-batch" ? { ...p, definition: { ...p.definition, expectNonFinite: true as const } } : p)),
    };
    const errors = nonFiniteExpectations(declared, checkerSeeds(2));
    expect(errors).toHaveLength(exercise.parsedTests.length - 1);
    expect(errors.join("\n")).not.toContain('"small-batch"');
  });
});
