/**
 * A failure a route answers with a JSON body `{ error, code }` and a status
 * (error-response.ts). Domain errors that a caller can act on extend it
 * (lib/submissions/submission-error.ts), so lib/http needs no domain knowledge.
 */
export interface HttpErrorExtra {
  /** sent as Retry-After */
  retryAfterSeconds?: number;
  /** a submission that was stored before the failure (answered as `{ id, status: "queued" }`) */
  submissionId?: string;
}

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: HttpErrorExtra = {},
  ) {
    super(message);
  }
}
