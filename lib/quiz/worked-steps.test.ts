// The worked steps a student reads in a quiz review end at the value the quiz
// grades against: checked for every seeded variant in the course, over seeds.
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { loadQuiz } from "./load-quiz";
import type { VariantQuestion } from "./schema";
import { formatNumber, variantAnswer } from "./variants";
import { workedSteps } from "./worked-steps";

async function variantQuestions(): Promise<VariantQuestion[]> {
  const course = await loadCourse();
  const quizzes = await Promise.all(course.modules.map((m) => loadQuiz(m.quiz)));
  return quizzes.flatMap((q) => q?.questions ?? []).filter((q): q is VariantQuestion => q.type === "numeric-variant");
}

describe("worked steps of seeded variants", () => {
  it("every formula a variant uses has steps, and their last line reaches the graded answer, on 50 seeds", async () => {
    const questions = await variantQuestions();
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      for (let seed = 1; seed <= 50; seed++) {
        const { params, answer } = variantAnswer(q, seed);
        const steps = workedSteps(q.formula, params);
        expect(steps.length, q.id).toBeGreaterThan(0);
        expect(steps.at(-1), `${q.id}, seed ${seed}`).toContain(`= ${formatNumber(answer)}`);
      }
    }
  });
});
