/**
 * Route-handler helpers shared by the submission and draft APIs: a size-capped
 * JSON body, and SubmissionError → JSON response (with Retry-After).
 */
import { NextResponse } from "next/server";
import { BodyTooLargeError, readCappedText } from "@/lib/http/read-capped-body";
import { SubmissionError } from "./submission-error";
import { MAX_CODE_BYTES } from "./submission-input";

/** Generous for JSON escaping of 64 KB of code, small enough to refuse floods before parsing. */
const MAX_BODY_BYTES = MAX_CODE_BYTES * 4;

export async function readJsonBody(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await readCappedText(request, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new SubmissionError("too-large", `code is limited to ${MAX_CODE_BYTES / 1024} KB`);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SubmissionError("invalid", "The request body must be JSON.");
  }
}

export function errorResponse(error: unknown): NextResponse {
  if (!(error instanceof SubmissionError)) throw error;
  const { retryAfterSeconds, submissionId } = error.extra;
  const body = { error: error.message, code: error.code, ...(submissionId ? { id: submissionId, status: "queued" } : {}) };
  const headers = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined;
  return NextResponse.json(body, { status: error.status, headers });
}
