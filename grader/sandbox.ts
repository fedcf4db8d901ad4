/**
 * The ONLY file that imports isolated-vm. One fresh isolate per grading,
 * disposed in `finally`. Inputs go in as one JSON string; the result comes
 * out as one JSON string (see sandbox-harness.ts). Per-call limits cannot be
 * preempted individually inside one entry, so each entry gets
 * min(callTimeoutMs, time left) and, after a timeout, the harness's progress
 * tells which test was running: that test gets the timeout if it used (nearly)
 * its whole limit, otherwise grading resumes at it with a fresh budget.
 *
 * What this file cannot stop (an uninterruptible native loop such as
 * Array(1e9).fill(0), or V8 aborting the process on OOM) is handled one level
 * up: grading runs in a worker process that the pool kills and replaces.
 */
import { randomBytes } from "node:crypto";
import ivm from "isolated-vm";
import { HARNESS_SOURCE, STUDENT_PREFIX, STUDENT_SUFFIX } from "./sandbox-harness";
import type { Language, Limits } from "./schema";

export interface SandboxTest {
  hidden: boolean;
  kind: "call" | "scenario";
  /** JSON of the call's arguments or of the scenario's steps */
  payload: string;
}

export interface SandboxCaps {
  maxConsoleLines: number;
  maxConsoleBytes: number;
  maxResultBytes: number;
  maxTotalBytes: number;
}

export interface SandboxRequest {
  /** compiled student module (CommonJS-style body from compile.ts) */
  code: string;
  language: Language;
  entry: string;
  tests: SandboxTest[];
  limits: Limits;
  caps: SandboxCaps;
}

export type SandboxOutcome =
  | {
      kind: "finished";
      /** the harness's result JSON (untrusted until validated) */
      envelope: string;
      /** test index → ms it had run when it was stopped */
      timedOut: Map<number, number>;
      /** the module's top-level code ran past the call limit */
      moduleTimedOut: boolean;
      /** the total deadline ended grading before every test ran */
      deadlineHit: boolean;
      ms: number;
    }
  | { kind: "memory"; ms: number }
  | { kind: "compile-error"; message: string; line: number; column: number; ms: number }
  | { kind: "crash"; message: string; ms: number };

const SETUP_TIMEOUT_MS = 1000;
const STATE_TIMEOUT_MS = 200;
/** A test that ran this fraction of its limit when the entry timed out gets the timeout. */
const BLAME_FRACTION = 0.9;

function isMemoryError(isolate: ivm.Isolate, e: unknown): boolean {
  return isolate.isDisposed || /memory limit/i.test(String((e as Error)?.message));
}

function isTimeout(e: unknown): boolean {
  return /timed out/i.test(String((e as Error)?.message));
}

/** V8 compile errors arrive as "message [submission.ts:line:column]". */
function parseCompileError(e: unknown): { message: string; line: number; column: number } {
  const text = String((e as Error)?.message ?? e);
  const match = /^(.*?)\s*\[submission\.[jt]s:(\d+):(\d+)\]\s*$/s.exec(text);
  if (!match) return { message: text, line: 1, column: 1 };
  const line = Number(match[2]);
  const column = Number(match[3]) - (line === 1 ? STUDENT_PREFIX.length : 0);
  return { message: match[1], line, column: Math.max(1, column) };
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

export function runInSandbox(req: SandboxRequest): SandboxOutcome {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const token = randomBytes(12).toString("hex");
  const input = JSON.stringify({
    token,
    entry: req.entry,
    caps: req.caps,
    tests: req.tests.map((t) => ({ h: t.hidden ? 1 : 0, k: t.kind === "call" ? "c" : "s", a: t.payload })),
  });
  const isolate = new ivm.Isolate({ memoryLimit: req.limits.memoryMb });
  let context: ivm.Context | undefined;
  try {
    context = isolate.createContextSync();
    context.global.setSync("__GRADER_INPUT__", input);
    compileHarness(isolate).runSync(context, { timeout: SETUP_TIMEOUT_MS });

    let studentScript: ivm.Script;
    try {
      const filename = req.language === "typescript" ? "submission.ts" : "submission.js";
      studentScript = isolate.compileScriptSync(STUDENT_PREFIX + req.code + STUDENT_SUFFIX, { filename });
    } catch (e) {
      return { kind: "compile-error", ...parseCompileError(e), ms: elapsed() };
    }

    const deadline = started + req.limits.totalTimeoutMs;
    const timedOut = new Map<number, number>();
    let moduleTimedOut = false;
    let deadlineHit = false;
    let next: number | "module" = "module";
    for (;;) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        deadlineHit = true;
        break;
      }
      const timeout = Math.max(1, Math.floor(Math.min(req.limits.callTimeoutMs, remaining)));
      try {
        if (next === "module") {
          studentScript.runSync(context, { timeout });
          next = 0;
          continue;
        }
        const envelope = context.evalSync(`__grader.run(${next}, "${token}")`, { timeout }) as string;
        return { kind: "finished", envelope, timedOut, moduleTimedOut, deadlineHit, ms: elapsed() };
      } catch (e) {
        if (isMemoryError(isolate, e)) return { kind: "memory", ms: elapsed() };
        if (!isTimeout(e)) return { kind: "crash", message: String((e as Error)?.message ?? e), ms: elapsed() };
        const state = JSON.parse(context.evalSync("__grader.state()", { timeout: STATE_TIMEOUT_MS }) as string) as {
          phase: string;
          current: number;
          elapsed: number;
        };
        if (state.phase === "module") {
          moduleTimedOut = true;
          break;
        }
        if (state.phase !== "test" || state.current < 0) return { kind: "crash", message: `timeout in phase ${state.phase}`, ms: elapsed() };
        const usedWholeLimit = state.elapsed >= BLAME_FRACTION * req.limits.callTimeoutMs;
        if (usedWholeLimit || performance.now() >= deadline) {
          // Stop at the first timed-out test: an infinite loop usually loops
          // in every test, and the student should get the verdict quickly.
          timedOut.set(state.current, state.elapsed);
          deadlineHit = !usedWholeLimit;
          break;
        }
        next = state.current; // it started late in the entry: give it a fresh budget
      }
    }
    const envelope = context.evalSync(`__grader.finish("${token}")`, { timeout: STATE_TIMEOUT_MS }) as string;
    return { kind: "finished", envelope, timedOut, moduleTimedOut, deadlineHit, ms: elapsed() };
  } catch (e) {
    if (isMemoryError(isolate, e)) return { kind: "memory", ms: elapsed() };
    return { kind: "crash", message: String((e as Error)?.message ?? e), ms: elapsed() };
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
