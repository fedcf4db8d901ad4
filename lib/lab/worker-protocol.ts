/** Messages between the lab page and its Web Worker (validated on both sides). */
import { z } from "zod";
import { experimentIds } from "./experiments";
import { labDatasets } from "./experiments/common";
import type { ExperimentResult } from "./experiments";

export const RunRequestSchema = z.object({
  type: z.literal("run"),
  experiment: z.enum(experimentIds as [string, ...string[]]),
  seed: z.number().int().min(0).max(2 ** 31),
  /** Spirals when absent; iris only for experiments that offer it (checked by the handler). */
  dataset: z.enum(labDatasets as [string, ...string[]]).optional(),
  layer: z.enum(["builtin", "mine"]),
  /** The built-in layer, compiled, from GET /api/lab/builtin; required when layer is "builtin". */
  builtinCode: z.string().optional(),
  /** The student's compiled submissions; required when layer is "mine". */
  myCode: z.object({ forward: z.string(), backward: z.string(), inference: z.string() }).optional(),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

export type WorkerMessage =
  | { type: "progress"; fraction: number }
  | { type: "result"; result: ExperimentResult; ms: number }
  | { type: "error"; message: string; studentCode: boolean };
