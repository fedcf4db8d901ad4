import { describe, expect, it } from "vitest";
import { type LoadedExercise, listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import { checkPromptExamples, promptExamples } from "./prompt-example";

const withPrompt = async (prompt: string): Promise<LoadedExercise> => ({ ...(await loadExercise("batchnorm-forward")), prompt });
const block = (...lines: string[]) => ["Intro", "", "```ts example", ...lines, "```", ""].join("\n");
const CALL = "batchnormForward([[1, 2], [3, 6]], [1, 0.5], [0, 1], 1e-5);";

describe("worked examples in prompts", () => {
  it("the course's prompts with example blocks agree with their references", async () => {
    // every exercise folder, whatever the course holds (content is data)
    const withExamples: string[] = [];
    for (const id of await listExerciseFolders()) {
      const exercise = await loadExercise(id);
      if (promptExamples(exercise.prompt).length === 0) continue;
      withExamples.push(id);
      expect(checkPromptExamples(exercise), id).toEqual([]);
    }
    expect(withExamples).toContain("batchnorm-forward");
  }, 120_000);

  it("a printed value the reference does not produce is an error with its line and place", async () => {
    const errors = checkPromptExamples(await withPrompt(block(CALL, "// mean = [2, 4]", "// variance = [1.3333, 4]")));
    expect(errors).toEqual(["batchnorm-forward/prompt.md:6: worked example disagrees with the reference at variance[0]: printed 1.3333, reference gives 1"]);
  });

  it("≈ holds to the digits printed, = to the exercise's tolerance", async () => {
    expect(checkPromptExamples(await withPrompt(block(CALL, "// out ≈ [[-1, 0.5], [1, 1.5]]")))).toEqual([]);
    expect(checkPromptExamples(await withPrompt(block(CALL, "// out ≈ [[-0.99999, 0.5], [1, 1.5]]")))).toHaveLength(1);
    expect(checkPromptExamples(await withPrompt(block(CALL, "// out = [[-0.999995, 0.5000006], [0.999995, 1.4999994]]")))).toEqual([]);
    expect(checkPromptExamples(await withPrompt(block(CALL, "// out = [[-1, 0.5], [1, 1.5]]")))).toHaveLength(1);
  });

  it("explanatory comments are left alone; an unknown field and a block with nothing to check are errors", async () => {
    expect(checkPromptExamples(await withPrompt(block(CALL, "// s = [2/√4] = [1]", "// mean = [2, 4]")))).toEqual([]);
    expect(checkPromptExamples(await withPrompt(block(CALL, "// means = [2, 4]")))[0]).toContain("`means` is not a field of what batchnormForward returns");
    expect(checkPromptExamples(await withPrompt(block(CALL, "// just a remark")))[0]).toContain("needs lines like");
  });
});
