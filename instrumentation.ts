/**
 * Runs once when a Next.js server starts. Embedded default (in-process
 * grading): submissions that were queued or running when the previous server
 * stopped are graded now, and regrades that were running resume
 * (lib/regrade/runner.ts), in the background, so the server answers requests
 * at once. On the queue (PostgreSQL) nothing is reset at boot: other replicas
 * may be running, and grader hosts recover interrupted jobs (gradings and
 * regrade gradings alike) by lease expiry.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { gradingMode } = await import("@/lib/submissions/grading-dispatcher");
  if (gradingMode() !== "in-process") return;
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
