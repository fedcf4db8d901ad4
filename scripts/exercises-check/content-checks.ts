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

/** Seeds of the training-curves figure the claims are checked on (about 15–30 s on the shared machine). */
const FIGURE_SEEDS = 20;

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
  {
    name: "training-curves figure claims",
    run: async () => {
      // The lesson "Seeing the speed-up" describes what the live figure shows; its
      // claims must hold for ≥ 90 % of seeds of the figure's own training code.
      const { measureFigureClaims } = await import("@/app/_components/figures/toy-mlp-claims");
      const { seeds, rates } = measureFigureClaims(Array.from({ length: FIGURE_SEEDS }, (_, i) => i + 1));
      const summary = Object.entries(rates).map(([claim, rate]) => `figure training-curves: ${claim}: ${Math.round(rate * 100)} % of ${seeds} seeds`);
      const errors = Object.entries(rates)
        .filter(([, rate]) => rate < 0.9)
        .map(([claim, rate]) => `app/_components/figures/toy-mlp.ts: lesson claim "${claim}" holds for only ${Math.round(rate * 100)} % of ${seeds} seeds (needs ≥ 90 %)`);
      return { errors, summary };
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
