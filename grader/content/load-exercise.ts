/**
 * Reads and validates one exercise folder (grader/FORMAT.md). Trusted files
 * (reference.ts, tests.ts, mistakes/*.ts) are loaded with a plain dynamic
 * import(), so the process must run TypeScript (tsx or Vitest). Every error
 * names the file and the field, so instructors can fix content quickly.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import {
  CallTestDefinitionSchema,
  type ExerciseSpec,
  ExerciseSpecSchema,
  type JsonData,
  JsonDataSchema,
  MistakeMetaSchema,
  type ResolvedTest,
  type ScenarioStep,
  ScenarioStepSchema,
  ScenarioTestDefinitionSchema,
} from "../contract/schema";
import { exerciseContentHash } from "./content-hash";
import { exercisesRoot } from "./content-root";
import { hasMarkers, markerProblem } from "./function-args";
import { createRng, type RngAlgorithm, seedFromId } from "../test-kit";
import { KEBAB_ID } from "../contract/vocabulary";

export { exercisesRoot };

export class ExerciseFormatError extends Error {
  override name = "ExerciseFormatError";
}

export class UnknownExerciseError extends Error {
  override name = "UnknownExerciseError";
}

export interface LoadedMistake {
  id: string;
  message: string;
  lesson: string;
  /** the mistake's exported entry (function or class) and other entries by name, run in the host */
  impl: TrustedEntries;
}

export interface LoadedExercise {
  spec: ExerciseSpec;
  dir: string;
  /** content hash of the folder as loaded (content-hash.ts); stamped on every report */
  contentHash: string;
  prompt: string;
  starter: string;
  /** the reference's exported entry (function or class) and other entries by name, run in the host */
  reference: TrustedEntries;
  /** every test resolved with its default seed: public tests as graded; hidden tests as an example (see hidden-tests.ts) */
  tests: ResolvedTest[];
  /** the validated definitions, for resolving hidden tests per grading seed */
  parsedTests: ParsedTest[];
  mistakes: LoadedMistake[];
}


function describeIssues(file: string, error: z.ZodError, prefix = ""): string {
  return error.issues
    .map((issue) => {
      const field = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/^\./, "");
      return `${file}: field \`${field || "(root)"}\`: ${issue.message}`;
    })
    .join("\n");
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Reads exercise.json only (no TypeScript evaluation): safe in any process. */
export async function readExerciseSpec(id: string, root = exercisesRoot()): Promise<ExerciseSpec> {
  if (!KEBAB_ID.test(id)) throw new UnknownExerciseError(`unknown exercise "${id}"`);
  const file = path.join(root, id, "exercise.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UnknownExerciseError(`unknown exercise "${id}" (no ${file})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ExerciseFormatError(`${id}/exercise.json: invalid JSON: ${(e as Error).message}`);
  }
  if (typeof raw === "object" && raw !== null && "module" in raw) {
    throw new ExerciseFormatError(
      `${id}/exercise.json: field \`module\`: module membership is declared once, in course.json (modules[].exercises); remove this field`,
    );
  }
  const parsed = ExerciseSpecSchema.safeParse(raw);
  if (!parsed.success) throw new ExerciseFormatError(describeIssues(`${id}/exercise.json`, parsed.error));
  if (parsed.data.id !== id) throw new ExerciseFormatError(`${id}/exercise.json: field \`id\`: must equal the folder name "${id}"`);
  return parsed.data;
}

/** Folders under the root that contain an exercise.json, sorted. */
export async function listExerciseFolders(root = exercisesRoot()): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && KEBAB_ID.test(entry.name) && (await exists(path.join(root, entry.name, "exercise.json")))) ids.push(entry.name);
  }
  return ids.sort();
}

/** `version` (the content hash) makes a changed file a new module URL: Node caches ES modules per URL for the process lifetime. */
async function importModule(file: string, label: string, version: string): Promise<Record<string, unknown>> {
  if (!(await exists(file))) throw new ExerciseFormatError(`${label}: file is missing`);
  try {
    // Content is loaded at run time from the content root, never bundled.
    return (await import(/* turbopackIgnore: true */ `${pathToFileURL(file).href}?v=${version}`)) as Record<string, unknown>;
  } catch (e) {
    throw new ExerciseFormatError(`${label}: could not be loaded: ${(e as Error).message}`);
  }
}

/** The exported functions (or class) a trusted module provides, by name: the entry and every one of `otherEntries`. */
export type TrustedEntries = Readonly<Record<string, unknown>>;

function requireEntry(mod: Record<string, unknown>, spec: ExerciseSpec, label: string): TrustedEntries {
  const entries: Record<string, unknown> = {};
  for (const name of [spec.entry, ...Object.keys(spec.otherEntries ?? {})]) {
    if (typeof mod[name] !== "function") throw new ExerciseFormatError(`${label}: must export ${spec.kind} \`${name}\``);
    entries[name] = mod[name];
  }
  return entries;
}

const ArgsSchema = z.array(JsonDataSchema);
const StepsSchema = z.array(ScenarioStepSchema).min(1);

type TestDefinition = z.infer<typeof CallTestDefinitionSchema> | z.infer<typeof ScenarioTestDefinitionSchema>;

/** One validated entry of tests.ts, its generator not yet run: hidden tests are resolved again per grading seed. */
export interface ParsedTest {
  index: number;
  definition: TestDefinition;
  label: string;
  spec: ExerciseSpec;
}

/** Validates tests.ts's export (without running generators). Hidden tests must be generators of a seeded rng. */
export function parseTests(raw: unknown, spec: ExerciseSpec, label = `${spec.id}/tests.ts`): ParsedTest[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new ExerciseFormatError(`${label}: must default-export defineTests([...]) with at least one test`);
  const seen = new Set<string>();
  return raw.map((def: unknown, index): ParsedTest => {
    const isScenario = typeof def === "object" && def !== null && "scenario" in def;
    const schema = isScenario ? ScenarioTestDefinitionSchema : CallTestDefinitionSchema;
    const parsed = schema.safeParse(def);
    if (!parsed.success) throw new ExerciseFormatError(describeIssues(label, parsed.error, `[${index}]`));
    const d = parsed.data;
    const where = `${label}: test "${d.id}"`;
    if (seen.has(d.id)) throw new ExerciseFormatError(`${where}: duplicate id`);
    seen.add(d.id);
    if (isScenario !== (spec.kind === "class")) {
      throw new ExerciseFormatError(`${where}: a ${spec.kind} exercise needs ${spec.kind === "class" ? "`scenario`" : "`args`"} tests`);
    }
    if ("entry" in d && d.entry !== undefined && d.entry !== spec.entry && !(d.entry in (spec.otherEntries ?? {}))) {
      throw new ExerciseFormatError(`${where}: \`entry\` "${d.entry}" is neither the exercise's entry nor one of its otherEntries`);
    }
    const source = "scenario" in d ? d.scenario : d.args;
    if (d.visibility === "hidden" && typeof source !== "function") {
      throw new ExerciseFormatError(
        `${where}: a hidden test must generate its ${"scenario" in d ? "scenario" : "args"} from the rng ((rng) => …): hidden inputs are drawn fresh for every submission`,
      );
    }
    return { index, definition: d, label, spec };
  });
}

/**
 * Runs one test's generator with an rng seeded by `seed` and validates the
 * result. `validate: false` skips the zod pass for a generator already
 * validated at load (per-grading resolution, see hidden-tests.ts), keeping
 * only a cheap finiteness check; `algorithm` picks the rng (see test-kit.ts).
 */
export function resolveTest(p: ParsedTest, seed: number | string, validate = true, algorithm: RngAlgorithm = "arc4"): ResolvedTest {
  const { definition: d, spec, label, index } = p;
  const where = `${label}: test "${d.id}"`;
  const base = {
    id: d.id,
    name: d.name,
    visibility: d.visibility,
    points: d.points,
    ...(d.hint ? { hint: d.hint } : {}),
    tolerance: { ...spec.tolerance, ...d.tolerance },
  };
  const source = "scenario" in d ? d.scenario : d.args;
  let generated: unknown;
  try {
    generated = typeof source === "function" ? source(createRng(seed, algorithm)) : source;
  } catch (e) {
    throw new ExerciseFormatError(`${where}: generator threw${lineInTests(e)}: ${(e as Error)?.message ?? String(e)} (seed ${seed})`);
  }
  if (!validate) {
    if (!finitePlainData(generated)) throw new ExerciseFormatError(`${where}: generator produced a non-finite number or non-data value (seed ${seed})`);
    return "scenario" in d ? { ...base, kind: "scenario", steps: generated as ScenarioStep[] } : callTest(base, d, generated as JsonData[]);
  }
  if ("scenario" in d) {
    const steps = StepsSchema.safeParse(generated);
    if (!steps.success) throw new ExerciseFormatError(describeIssues(label, steps.error, `[${index}].scenario`));
    return { ...base, kind: "scenario", steps: steps.data };
  }
  const args = ArgsSchema.safeParse(generated);
  if (!args.success) throw new ExerciseFormatError(describeIssues(label, args.error, `[${index}].args`));
  const problem = markerProblem(args.data, [spec.entry, ...Object.keys(spec.otherEntries ?? {})]);
  if (problem) throw new ExerciseFormatError(`${where}: field \`args\`: ${problem}`);
  return callTest(base, d, args.data as JsonData[]);
}

function callTest(base: Omit<ResolvedTest, "kind">, d: TestDefinition, args: JsonData[]): ResolvedTest {
  return {
    ...base,
    kind: "call",
    args,
    ...("compare" in d && d.compare ? { compare: d.compare } : {}),
    ...("entry" in d && d.entry ? { entry: d.entry } : {}),
    ...("throws" in d && d.throws ? { throws: d.throws } : {}),
    ...(hasMarkers(args) ? { markers: true } : {}),
  };
}

/** " at tests.ts line L, column C" from a thrown error's stack, when a frame is in tests.ts. */
function lineInTests(e: unknown): string {
  // the module URL carries the content hash as a query (importModule): tests.ts?v=<hash>:line:column
  const at = /tests\.ts(?:\?[^:\s)]*)?:(\d+):(\d+)/.exec(String((e as Error)?.stack ?? ""));
  return at ? ` at tests.ts line ${at[1]}, column ${at[2]}` : "";
}

/** Finite numbers, strings, booleans, null, arrays and plain objects only. */
function finitePlainData(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (Array.isArray(v)) return v.every(finitePlainData);
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every(finitePlainData);
  return false;
}

/** The seed a test gets outside grading (public tests always; hidden tests in the author's default view). */
export function defaultSeed(p: ParsedTest): number {
  return p.definition.seed ?? seedFromId(p.definition.id);
}

/** Validates tests.ts's export and runs every generator with its default seed. */
export function resolveTests(raw: unknown, spec: ExerciseSpec, label = `${spec.id}/tests.ts`): ResolvedTest[] {
  return parseTests(raw, spec, label).map((p) => resolveTest(p, defaultSeed(p)));
}

async function loadMistakes(dir: string, spec: ExerciseSpec, version: string): Promise<LoadedMistake[]> {
  const folder = path.join(dir, "mistakes");
  const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort();
  const loaded = await Promise.allSettled(
    files.map(async (file) => {
      const label = `${spec.id}/mistakes/${file}`;
      const mod = await importModule(path.join(folder, file), label, version);
      if (mod.misconception === undefined) {
        throw new ExerciseFormatError(
          `${label}: no \`misconception\` export. Add \`export const misconception = { message: "what the student did and why it is wrong (10+ characters)", lesson: "/lessons/<lesson>#<anchor>" };\` (lesson is optional: the exercise's lesson by default)`,
        );
      }
      const meta = MistakeMetaSchema.safeParse(mod.misconception);
      if (!meta.success) throw new ExerciseFormatError(describeIssues(label, meta.error, "misconception"));
      return { id: file.replace(/\.ts$/, ""), message: meta.data.message, lesson: meta.data.lesson ?? spec.lesson, impl: requireEntry(mod, spec, label) };
    }),
  );
  return settledOrThrow(loaded);
}

/** The values, or one ExerciseFormatError listing every format problem at once (an author fixes them in one pass). */
function settledOrThrow<T>(results: PromiseSettledResult<T>[]): T[] {
  const problems = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  const unexpected = problems.find((p) => !(p instanceof ExerciseFormatError));
  if (unexpected) throw unexpected;
  if (problems.length) throw new ExerciseFormatError(problems.map((p: ExerciseFormatError) => p.message).join("\n"));
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function loadUncached(id: string, root: string, contentHash: string): Promise<LoadedExercise> {
  const spec = await readExerciseSpec(id, root);
  const dir = path.join(root, id);
  const readText = async (name: string) => {
    try {
      return await readFile(path.join(dir, name), "utf8");
    } catch {
      throw new ExerciseFormatError(`${id}/${name}: file is missing`);
    }
  };
  const parts = await Promise.allSettled([
    readText("prompt.md"),
    readText("starter.ts"),
    importModule(path.join(dir, "reference.ts"), `${id}/reference.ts`, contentHash).then((mod) => requireEntry(mod, spec, `${id}/reference.ts`)),
    importModule(path.join(dir, "tests.ts"), `${id}/tests.ts`, contentHash).then((mod) => {
      const parsed = parseTests(mod.default, spec);
      return { parsed, resolved: parsed.map((p) => resolveTest(p, defaultSeed(p))) };
    }),
    loadMistakes(dir, spec, contentHash),
  ]);
  const [prompt, starter, reference, tests, mistakes] = settledOrThrow<unknown>(parts) as [
    string,
    string,
    TrustedEntries,
    { parsed: ParsedTest[]; resolved: ResolvedTest[] },
    LoadedMistake[],
  ];
  return { spec, dir, contentHash, prompt, starter, reference, tests: tests.resolved, parsedTests: tests.parsed, mistakes };
}

const cache = new Map<string, { hash: string; exercise: Promise<LoadedExercise> }>();

function currentHash(dir: string): string | null {
  try {
    return exerciseContentHash(dir);
  } catch {
    return null; // no such folder: readExerciseSpec says so
  }
}

/**
 * Loads and validates an exercise folder, once per process, root and content
 * hash: the hash of the folder's files is recomputed on every call (a few
 * small files, well under a millisecond), so a worker that graded the old
 * version of an exercise grades the edited one next, without a restart.
 * Files that tests.ts or reference.ts import from elsewhere are not hashed.
 */
export function loadExercise(id: string, root = exercisesRoot()): Promise<LoadedExercise> {
  const key = path.resolve(root, id);
  const hash = KEBAB_ID.test(id) ? (currentHash(key) ?? "missing") : "invalid";
  const cached = cache.get(key);
  if (cached && cached.hash === hash) return cached.exercise;
  const exercise = loadUncached(id, root, hash);
  cache.set(key, { hash, exercise });
  exercise.catch(() => {
    if (cache.get(key)?.exercise === exercise) cache.delete(key); // a fixed file can be retried
  });
  return exercise;
}
