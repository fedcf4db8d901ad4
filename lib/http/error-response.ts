/**
 * Errors a handler throws → the JSON response the API promises: an HttpError
 * (or a domain error extending it) with its status, code and Retry-After; a
 * ZodError from validating input as 400 naming each field. Anything else is a
 * bug: rethrown, so Next.js answers 500 and logs it.
 */
import { NextResponse } from "next/server";
import { z } from "zod";
import { HttpError } from "./http-error";

export function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof z.ZodError) return NextResponse.json({ error: zodMessage(error) }, { status: 400 });
  if (!(error instanceof HttpError)) throw error;
  const { retryAfterSeconds, submissionId } = error.extra;
  const body = { error: error.message, code: error.code, ...(submissionId ? { id: submissionId, status: "queued" } : {}) };
  const headers = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined;
  return NextResponse.json(body, { status: error.status, headers });
}
