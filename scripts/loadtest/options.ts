/**
 * Command-line flags of `npm run loadtest`, validated with zod. Every run is
 * bounded: a fixed number of students × submissions and a hard duration cap.
 */
import { z } from "zod";

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const LoadOptionsSchema = z
  .strictObject({
    students: int(1, 500).default(50),
    perStudent: int(1, 200).default(20),
    /** share of hostile submissions (infinite loops, memory bombs) */
    hostile: z.coerce.number().min(0).max(1).default(0.1),
    /** share of honest submissions that are wrong (a known mistake) */
    wrong: z.coerce.number().min(0).max(1).default(0.3),
    /** share of submissions sent twice at once with the same clientRequestId */
    duplicates: z.coerce.number().min(0).max(1).default(0.05),
    thinkMinMs: int(0, 60_000).default(1500),
    thinkMaxMs: int(0, 120_000).default(4500),
    /** submissions stop being sent after this; the run then drains */
    maxDurationS: int(5, 3600).default(300),
    /** how long to wait for accepted submissions to reach a final status */
    drainS: int(5, 600).default(90),
    /** honest submissions per student sent right after sign-up, before memory is measured */
    warmupRounds: int(0, 20).default(6),
    baseUrl: z.url().optional(),
    /** GRADER_WORKERS for the server the tool starts (server default when absent) */
    graderWorkers: int(1, 16).optional(),
    graderMaxQueue: int(1, 10_000).optional(),
    killWorkers: flag.default(false),
    restartServer: flag.default(false),
    slowDb: flag.default(false),
    backpressure: flag.default(false),
    /** 3 accounts flood slow submissions while 20 honest students work (abuse.ts) */
    abuse: flag.default(false),
    seed: z.string().min(1).default("loadtest"),
    /** exit code 1 when lost/duplicated/errors5xx are not all 0 */
    strict: flag.default(true),
  })
  .refine((o) => o.thinkMaxMs >= o.thinkMinMs, { message: "--think-max-ms must be ≥ --think-min-ms" })
  .refine((o) => !(o.baseUrl && (o.restartServer || o.killWorkers || o.slowDb)), {
    message: "fault injection needs the server this tool starts (no --base-url)",
  });

export type LoadOptions = z.infer<typeof LoadOptionsSchema>;

/** `--kill-workers --students 4 --think-max-ms=200` → { killWorkers: true, students: "4", thinkMaxMs: "200" } */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): LoadOptions {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split("=", 2);
    const key = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (inline !== undefined) raw[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) raw[key] = argv[++i];
    else raw[key] = true;
  }
  if (raw.baseUrl === undefined && env.BASE_URL) raw.baseUrl = env.BASE_URL;
  const parsed = LoadOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".") || "options"}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
