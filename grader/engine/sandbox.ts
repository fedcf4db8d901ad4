/**
 * The ONLY file that imports isolated-vm. One fresh isolate per grading,
 * disposed in `finally`. The student's compiled module is wrapped as the
 * default export of a V8 *module* (sandbox-harness.ts: nothing can leave the
 * wrapper), then run by harness closures the host holds as References —
 * nothing of the grader is a global.
 *
 * One entry into the isolate per step (load, each test, finish), each with
 * min(callTimeoutMs, time left of totalTimeoutMs). So a timeout — including
 * an endless microtask chain, which runs as the entry unwinds — and a memory
 * stop belong to the step that caused them, and every test that completed
 * before keeps its result. Every entry after student code has run ends by
 * the harness throwing a token-prefixed string; anything else is a timeout,
 * the memory limit, or a fault of ours.
 *
 * What this file cannot stop (an uninterruptible native loop such as
 * Array(1e9).fill(0), or V8 aborting the process on OOM) is handled one level
 * up: grading runs in a worker process that the pool kills and replaces.
 */
import { randomBytes } from "node:crypto";
import ivm from "isolated-vm";
import { HARNESS_SOURCE, MODULE_PREFIX, MODULE_SUFFIX } from "./sandbox-harness";
import type { Language, Limits } from "../contract/schema";

export interface SandboxTest {
  hidden: boolean;
  kind: "call" | "scenario";
  /** JSON of the call's arguments or of the scenario's steps */
  payload: string;
  /** a call test of another exported function than the entry (one of `others`) */
  entry?: string;
  /** call tests: the arguments hold function-args.ts markers */
  markers?: boolean;
  /** call tests that require a throw: the harness skips the thrown value's stack */
  expectsThrow?: boolean;
}

export interface SandboxCaps {
  maxConsoleLines: number;
  maxConsoleBytes: number;
  maxResultBytes: number;
  maxTotalBytes: number;
  maxExportNames: number;
}

export interface SandboxRequest {
  /** compiled student module (CommonJS body from compile.ts) */
  code: string;
  language: Language;
  entry: string;
  /** further functions the module must export; call tests may target them */
  others?: string[];
  tests: SandboxTest[];
  limits: Limits;
  caps: SandboxCaps;
  /** told of each step that completed, while the rest still runs (untrusted JSON, as in the envelope) */
  onStep?: (step: SandboxStep) => void;
}

export type SandboxStep = { kind: "load"; json: string } | { kind: "test"; index: number; json: string };

/** Why the run stopped early, and where. */
export interface SandboxStop {
  why: "timeout" | "memory";
  /** "module": the module body (or its microtasks); "test": test `test` */
  phase: "module" | "test";
  test: number;
  /** the grading's total time limit, not the per-call one, ran out */
  totalLimit: boolean;
}

export type SandboxOutcome =
  | {
      kind: "finished";
      /** harness JSON (untrusted until validated): { load, results, output } */
      envelope: string;
      stop: SandboxStop | null;
      ms: number;
    }
  /** V8 rejected the compiled code; line/column are in the wrapped module's coordinates */
  | { kind: "compile-error"; message: string; line: number; column: number; ms: number }
  | { kind: "crash"; message: string; ms: number };

const SETUP_TIMEOUT_MS = 1000;
const FINISH_TIMEOUT_MS = 200;
const MAX_COMPILE_MESSAGE = 300;

class HarnessFault extends Error {}

/**
 * V8 compile errors arrive as "message [submission.ts:line:column]". Parsed
 * from the end with string operations only: the message can hold student
 * text (an invalid regex literal and 99 000 spaces), and a backtracking regex
 * over it cost seconds.
 */
export function parseCompileError(text: string): { message: string; line: number; column: number } {
  const tail = /\[submission\.[jt]s:(\d{1,9}):(\d{1,9})\]\s*$/.exec(text.slice(-64));
  const open = text.lastIndexOf(" [submission.");
  const message = (tail && open >= 0 ? text.slice(0, open) : text).slice(0, MAX_COMPILE_MESSAGE);
  if (!tail) return { message, line: 1, column: 1 };
  return { message, line: Number(tail[1]), column: Math.max(1, Number(tail[2])) };
}

/** V8's code cache for the (constant) harness, produced by the first isolate of this process. */
let harnessCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

function compileHarness(isolate: ivm.Isolate): ivm.Script {
  const options = harnessCache ? { filename: "grader-harness.js", cachedData: harnessCache } : { filename: "grader-harness.js", produceCachedData: true };
  // The typings omit it, but with produceCachedData the returned script carries `cachedData`.
  const script = isolate.compileScriptSync(HARNESS_SOURCE, options) as ivm.Script & ivm.CachedDataResult;
  if (!harnessCache && script.cachedData) harnessCache = script.cachedData;
  return script;
}

type EntryResult = { kind: "ok"; json: string } | { kind: "timeout" } | { kind: "memory" };

export function runInSandbox(req: SandboxRequest): SandboxOutcome {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const deadline = started + req.limits.totalTimeoutMs;
  const token = `${randomBytes(12).toString("hex")}:`;
  const input = JSON.stringify({
    token,
    entry: req.entry,
    others: req.others ?? [],
    caps: req.caps,
    tests: req.tests.map((t) => ({
      h: t.hidden ? 1 : 0,
      k: t.kind === "call" ? "c" : "s",
      a: t.payload,
      ...(t.entry ? { f: t.entry } : {}),
      ...(t.markers ? { r: 1 } : {}),
      ...(t.expectsThrow ? { x: 1 } : {}),
    })),
  });
  const isolate = new ivm.Isolate({ memoryLimit: req.limits.memoryMb });
  let context: ivm.Context | undefined;

  /** One entry that may run student code: it must end in the harness's token-prefixed throw. */
  const enter = (fn: ivm.Reference, args: unknown[], timeout: number): EntryResult => {
    try {
      fn.applySync(undefined, args, { timeout: Math.max(1, Math.floor(timeout)) });
    } catch (e) {
      if (typeof e === "string" && e.startsWith(token)) return { kind: "ok", json: e.slice(token.length) };
      if (isolate.isDisposed || /memory limit/i.test(String((e as Error)?.message))) return { kind: "memory" };
      if (/timed out/i.test(String((e as Error)?.message))) return { kind: "timeout" };
      throw new HarnessFault(`unexpected isolate exit: ${String((e as Error)?.message ?? "non-error value").slice(0, 200)}`);
    }
    throw new HarnessFault("a harness entry returned instead of throwing its result");
  };
  const callBudget = () => Math.min(req.limits.callTimeoutMs, deadline - performance.now());

  try {
    context = isolate.createContextSync();
    const init = compileHarness(isolate).runSync(context, { reference: true, timeout: SETUP_TIMEOUT_MS }) as ivm.Reference;
    const control = init.applySync(undefined, [input], { timeout: SETUP_TIMEOUT_MS, result: { reference: true } }) as ivm.Reference;
    const load = control.getSync("load", { reference: true }) as ivm.Reference;
    const run = control.getSync("run", { reference: true }) as ivm.Reference;
    const finish = control.getSync("finish", { reference: true }) as ivm.Reference;

    let factory: ivm.Reference;
    try {
      const filename = req.language === "typescript" ? "submission.ts" : "submission.js";
      const mod = isolate.compileModuleSync(MODULE_PREFIX + req.code + MODULE_SUFFIX, { filename });
      mod.instantiateSync(context, () => {
        throw new Error("imports are not available in exercises");
      });
      mod.evaluateSync({ timeout: SETUP_TIMEOUT_MS }); // defines the wrapper function; runs no student code
      factory = mod.namespace.getSync("default", { reference: true }) as ivm.Reference;
    } catch (e) {
      return { kind: "compile-error", ...parseCompileError(String((e as Error)?.message ?? e)), ms: elapsed() };
    }

    let stop: SandboxStop | null = null;
    const pieces: { load: string; results: string[]; output: string } = { load: "null", results: [], output: "null" };
    const loaded = enter(load, [factory.derefInto()], callBudget());
    if (loaded.kind === "ok") {
      pieces.load = loaded.json;
      req.onStep?.({ kind: "load", json: loaded.json });
    } else stop = { why: loaded.kind, phase: "module", test: -1, totalLimit: false };

    for (let i = 0; stop === null && i < req.tests.length; i++) {
      const budget = callBudget();
      if (budget <= 0) {
        stop = { why: "timeout", phase: "test", test: i, totalLimit: true };
        break;
      }
      const result = enter(run, [i], budget);
      if (result.kind === "ok") {
        pieces.results.push(result.json);
        req.onStep?.({ kind: "test", index: i, json: result.json });
      } else stop = { why: result.kind, phase: "test", test: i, totalLimit: result.kind === "timeout" && budget < req.limits.callTimeoutMs };
    }
    if (stop?.why !== "memory") {
      const output = enter(finish, [], FINISH_TIMEOUT_MS);
      if (output.kind === "ok") pieces.output = output.json;
    }
    const envelope = `{"load":${pieces.load},"results":[${pieces.results.join(",")}],"output":${pieces.output}}`;
    return { kind: "finished", envelope, stop, ms: elapsed() };
  } catch (e) {
    return { kind: "crash", message: e instanceof HarnessFault ? e.message : "the sandbox could not be set up", ms: elapsed() };
  } finally {
    context?.release();
    if (!isolate.isDisposed) isolate.dispose();
  }
}

/** The benchmark's floor: fresh isolate + context + one trivial call + dispose. */
export function measureIsolateFloorMs(): number {
  const t0 = performance.now();
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const context = isolate.createContextSync();
    context.evalSync("(function f(a) { return a + 1; })(1)", { timeout: 1000 });
    context.release();
  } finally {
    isolate.dispose();
  }
  return performance.now() - t0;
}
