/**
 * Runs once when a Next.js server starts. Submissions that were queued or
 * running when the previous server stopped are graded now, in the background,
 * so the server answers requests at once. The grading workers are started
 * (and each exercise's public view read) now as well, so the first exercise
 * page after a start does not wait for a worker process to boot.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recoverSubmissions } = await import("@/lib/submissions/recover-submissions");
  recoverSubmissions()
    .then(({ recovered }) => {
      if (recovered > 0) console.log(`Graded ${recovered} submission(s) left waiting by the previous server.`);
    })
    .catch((e) => console.error("Recovering submissions failed:", e));
  if (process.env.SKIP_WARM_UP !== "1") {
    const grader = await import("@/grader");
    grader
      .listExerciseIds()
      .then((ids) => Promise.all(ids.map((id) => grader.loadPublicExercise(id))))
      .catch((e) => console.error("Warming the grader failed:", e));
  }
}
