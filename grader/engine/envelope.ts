/**
 * The shape of the JSON the sandbox returns (sandbox.ts, sandbox-harness.ts).
 * It is untrusted: the host validates it with these schemas before use; the
 * student values inside (`v`) are validated by compare.ts against the
 * expected shape.
 */
import { z } from "zod";
import { VALUE_MARKERS } from "../contract/vocabulary";

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

/** What loading the student's module produced (export names capped in the harness). */
export const LoadInfoSchema = z.object({
  moduleError: ErrorInfoSchema.nullable(),
  exports: z.array(z.string().max(100)).max(50),
  exportCount: z.number().int().nonnegative(),
  /** the entry and every other required function were exported */
  hasEntry: z.boolean(),
  /** the first required function the module does not export (null when none, or when loading threw) */
  missing: z.string().max(100).nullable().optional(),
});
export type LoadInfo = z.infer<typeof LoadInfoSchema>;

/** Assembled by sandbox.ts from one harness entry per step; `null` where a step did not complete. */
export const EnvelopeSchema = z.object({
  load: LoadInfoSchema.nullable(),
  /** one per test that completed, in order */
  results: z.array(z.union([ScenarioResultSchema, CallResultSchema]).nullable()),
  output: z.object({ console: z.array(z.string()), dropped: z.number().int() }).nullable(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** The value as compare.ts sees it (markers for "no value"). */
export function decodeCopied(c: CopiedValue | null): unknown {
  if (c === null) return null;
  switch (c.s) {
    case "ok":
      return c.v;
    case "undefined":
      return VALUE_MARKERS.undefined;
    default:
      return `__${c.s}__`;
  }
}

/**
 * Rewrites every error position in the envelope (the wrapped module's
 * coordinates) into the student's own, or drops it when nothing maps there.
 */
export function remapPositions(env: Envelope, toStudent: (line: number, column: number) => { line: number; column: number } | null): void {
  const fix = (e: ErrorInfo | undefined | null) => {
    if (!e || e.line === null) return;
    const at = toStudent(e.line, e.column ?? 1);
    e.line = at?.line ?? null;
    e.column = at ? at.column : null;
  };
  fix(env.load?.moduleError);
  for (const r of env.results) {
    if (!r) continue;
    if ("e" in r) fix(r.e);
    if ("r" in r && r.r.s === "unserializable") fix(r.r.e);
    if ("steps" in r) for (const c of r.steps) if (c?.s === "unserializable") fix(c.e);
  }
}

/** JSON from the sandbox, or null when it does not parse (it is validated by the schemas above either way). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
