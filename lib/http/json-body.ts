/** A route's JSON body, read with a byte cap before parsing. */
import { BodyTooLargeError, readCappedText } from "@/lib/http/read-capped-body";
import { MAX_CODE_BYTES } from "@/lib/submissions/submission-input";
import { HttpError } from "./http-error";

/**
 * The largest body any route takes is a submission's code: generous for JSON
 * escaping of 64 KB of code, small enough to refuse floods before parsing.
 */
const MAX_BODY_BYTES = MAX_CODE_BYTES * 4;

export async function readJsonBody(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await readCappedText(request, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new HttpError(413, "too-large", `code is limited to ${MAX_CODE_BYTES / 1024} KB`);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid", "The request body must be JSON.");
  }
}
