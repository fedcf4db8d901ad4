/**
 * The checker's single dependency on the grader's grading API: grade source
 * code in "submit" mode (public and hidden tests), in this process.
 */
import { gradeInProcess } from "@/grader/engine/grade";
import type { GradeSource } from "./check-exercise";

export const gradeSource: GradeSource = (exercise, code, language, seed) => gradeInProcess(exercise, code, language, "submit", { seed });
