/**
 * The body of POST /api/exercises/<id>/submissions (and of the workspace's own
 * calls): validated before anything is stored.
 */
import { z } from "zod";
import { KEBAB_ID, LANGUAGES, MODES } from "@/grader/contract/vocabulary";

/** Student code is capped at 64 KB of UTF-8 (the grader's own cap is looser). */
export const MAX_CODE_BYTES = 64 * 1024;

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const LanguageSchema = z.enum(LANGUAGES, { error: `language must be ${LANGUAGES.map((l) => `"${l}"`).join(" or ")}` });
export const ModeSchema = z.enum(MODES, { error: `mode must be ${MODES.map((m) => `"${m}"`).join(" or ")}` });

export const CodeSchema = z
  .string({ error: "code must be a string" })
  .refine((code) => utf8Bytes(code) <= MAX_CODE_BYTES, { message: `code is limited to ${MAX_CODE_BYTES / 1024} KB` });

export const SubmissionInputSchema = z.object({
  code: CodeSchema,
  language: LanguageSchema,
  mode: ModeSchema,
  clientRequestId: z
    .string({ error: "clientRequestId must be a string" })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "clientRequestId must be 8–100 letters, digits, '-' or '_' (a UUID works)"),
});
export type SubmissionInput = z.infer<typeof SubmissionInputSchema>;

/** Exercise ids are kebab-case; anything else is unknown without touching the disk. */
export const ExerciseIdSchema = z.string().regex(KEBAB_ID);
