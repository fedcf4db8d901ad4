/** Where instructor-authored content lives. Functions take a root so tests can point at fixtures. */
import { exercisesRoot } from "@/grader/content/content-root";

/** The one content root (`EXERCISES_DIR` or `<cwd>/exercises`), the same folder the grading workers read. */
export const contentRoot = exercisesRoot;


export function formatZodIssues(file: string, issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${file}: ${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`);
}
