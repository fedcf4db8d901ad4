/**
 * The browser side of the submission API: one POST per Run/Submit click with
 * a fresh clientRequestId; a 503 (grader busy, submission saved as queued) is
 * followed by polling GET /api/submissions/<id> until it is graded.
 */
import type { SubmissionView } from "@/lib/submissions/submission-view";
import type { Language, Mode } from "@/grader/contract/vocabulary";

export type SubmitOutcome = { ok: true; submission: SubmissionView } | { ok: false; message: string; retryAfterSeconds?: number };

interface ErrorBody {
  error?: string;
  id?: string;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

async function pollUntilGraded(id: string, delaySeconds: number): Promise<SubmitOutcome> {
  for (let attempt = 0; attempt < 30; attempt++) {
    await wait(delaySeconds * 1000);
    const response = await fetch(`/api/submissions/${encodeURIComponent(id)}`, { cache: "no-store" });
    if (!response.ok) return { ok: false, message: `Could not read the submission (HTTP ${response.status}).` };
    const submission = (await response.json()) as SubmissionView;
    if (submission.status === "graded" || submission.status === "error") return { ok: true, submission };
  }
  return { ok: false, message: "Grading is taking unusually long. Your submission is saved; reload the page later to see it." };
}

export async function sendSubmission(
  exerciseId: string,
  body: { code: string; language: Language; mode: Mode },
  onQueued?: () => void,
): Promise<SubmitOutcome> {
  const clientRequestId = crypto.randomUUID();
  let response: Response;
  try {
    response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/submissions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, clientRequestId }),
    });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
  if (response.ok) return { ok: true, submission: (await response.json()) as SubmissionView };
  const error = (await response.json().catch(() => ({}))) as ErrorBody;
  const seconds = retryAfter(response);
  if (response.status === 503 && error.id) {
    onQueued?.();
    return pollUntilGraded(error.id, seconds ?? 5);
  }
  if (response.status === 429) {
    return { ok: false, message: error.error ?? `Too many requests. Try again in ${seconds ?? 60} s.`, retryAfterSeconds: seconds };
  }
  if (response.status === 401) return { ok: false, message: "Your session has ended. Sign in again (your draft is saved in this browser)." };
  return { ok: false, message: error.error ?? `The request failed (HTTP ${response.status}).` };
}
