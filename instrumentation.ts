/**
 * Runs once when a Next.js server starts. Submissions that were queued or
 * running when the previous server stopped are graded now, and regrades that
 * were running resume (lib/regrade/runner.ts), in the background, so the
 * server answers requests at once.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recoverSubmissions } = await import("@/lib/submissions/recover-submissions");
  recoverSubmissions()
    .then(({ recovered }) => {
      if (recovered > 0) console.log(`Graded ${recovered} submission(s) left waiting by the previous server.`);
    })
    .catch((e) => console.error("Recovering submissions failed:", e));
  const { resumeRegrades } = await import("@/lib/regrade/runner");
  resumeRegrades()
    .then(({ resumed }) => {
      if (resumed > 0) console.log(`Resumed ${resumed} regrade(s).`);
    })
    .catch((e) => console.error("Resuming regrades failed:", e));
}
