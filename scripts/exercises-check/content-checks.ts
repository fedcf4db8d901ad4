/**
 * Registry of whole-course content checks run by `npm run exercises:check`
 * besides the coding exercises. Lessons and quizzes are validated by
 * lib/content/check-content.ts (owned by the lessons/quiz code); add further
 * checks here as { name, run } entries.
 */
export interface ContentCheckResult {
  errors: string[];
  summary: string[];
}

export interface ContentCheck {
  name: string;
  run: () => Promise<ContentCheckResult>;
}

export const contentChecks: ContentCheck[] = [
  {
    name: "lessons, quizzes and lesson links",
    run: async () => {
      // Imported lazily so a broken content module reports as a check error
      // instead of preventing the exercise checks from running.
      const { checkContent } = await import("@/lib/content/check-content");
      return checkContent();
    },
  },
];

/** Runs every registered check; a check that throws becomes an error line. */
export async function runContentChecks(checks: ContentCheck[] = contentChecks): Promise<ContentCheckResult> {
  const errors: string[] = [];
  const summary: string[] = [];
  for (const check of checks) {
    try {
      const result = await check.run();
      errors.push(...result.errors);
      summary.push(...result.summary);
    } catch (error) {
      errors.push(`${check.name}: the check crashed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  return { errors, summary };
}
