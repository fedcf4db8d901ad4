/**
 * The shape of the JSON the sandbox harness returns (sandbox-harness.ts).
 * It is untrusted: the host validates it with these schemas before use; the
 * student values inside (`v`) are validated by compare.ts against the
 * expected shape.
 */
import { z } from "zod";

export const ErrorInfoSchema = z.object({
  name: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** One copied-out value: ok, or why there is no usable value. */
export const CopiedValueSchema = z.discriminatedUnion("s", [
  z.object({ s: z.literal("ok"), v: z.unknown() }),
  z.object({ s: z.literal("undefined") }),
  z.object({ s: z.literal("promise") }),
  z.object({ s: z.literal("too-large"), n: z.number() }),
  z.object({ s: z.literal("unserializable"), e: ErrorInfoSchema.optional() }),
]);
export type CopiedValue = z.infer<typeof CopiedValueSchema>;

export const CallResultSchema = z.union([
  z.object({ r: CopiedValueSchema, m: z.string().nullable(), ms: z.number() }),
  z.object({ e: ErrorInfoSchema, ms: z.number() }),
]);
export type CallResult = z.infer<typeof CallResultSchema>;

export const ScenarioResultSchema = z.object({
  steps: z.array(CopiedValueSchema.nullable()),
  m: z.object({ step: z.number().int(), path: z.string() }).nullable().optional(),
  e: ErrorInfoSchema.optional(),
  step: z.number().int().optional(),
  ms: z.number(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const EnvelopeSchema = z.object({
  moduleError: ErrorInfoSchema.nullable(),
  exports: z.array(z.string()),
  hasEntry: z.boolean(),
  console: z.array(z.string()),
  consoleDropped: z.number().int(),
  results: z.array(z.union([ScenarioResultSchema, CallResultSchema]).nullable()),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** The value as compare.ts sees it (markers for "no value"). */
export function decodeCopied(c: CopiedValue | null): unknown {
  if (c === null) return null;
  switch (c.s) {
    case "ok":
      return c.v;
    case "undefined":
      return "__undefined__";
    default:
      return `__${c.s}__`;
  }
}
