/**
 * Failures a caller of the submission pipeline can act on, each with the HTTP
 * status the API answers with. The UI shows `message` as is.
 */
import { HttpError, type HttpErrorExtra } from "@/lib/http/http-error";

export type SubmissionErrorCode = "invalid" | "too-large" | "unknown-exercise" | "conflict" | "rate-limited" | "busy" | "not-found";

const STATUS: Record<SubmissionErrorCode, number> = {
  invalid: 400,
  "too-large": 413,
  "unknown-exercise": 404,
  conflict: 409,
  "rate-limited": 429,
  busy: 503,
  "not-found": 404,
};

export class SubmissionError extends HttpError {
  override name = "SubmissionError";
  declare readonly code: SubmissionErrorCode;
  constructor(code: SubmissionErrorCode, message: string, extra: HttpErrorExtra = {}) {
    super(STATUS[code], code, message, extra);
  }
}
