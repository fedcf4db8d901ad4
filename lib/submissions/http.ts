/**
 * Route-handler helpers shared by the submission and draft APIs: a size-capped
 * JSON body, and SubmissionError → JSON response (with Retry-After).
 */
import { NextResponse } from "next/server";
import { SubmissionError } from "./submission-error";
import { MAX_CODE_BYTES } from "./submission-input";

/** Generous for JSON escaping of 64 KB of code, small enough to refuse floods before parsing. */
const MAX_BODY_BYTES = MAX_CODE_BYTES * 4;

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new SubmissionError("too-large", `code is limited to ${MAX_CODE_BYTES / 1024} KB`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new SubmissionError("too-large", `code is limited to ${MAX_CODE_BYTES / 1024} KB`);
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
