/**
 * The hostile and unusual submissions in grader/fixtures/, each with the
 * verdict it must get and what its report must not contain (run by
 * fixtures.test.ts through the real worker pool). Every report is also
 * checked for: not passing (unless `passes`), at most MAX_REPORT_BYTES, no
 * "not your fault" (student faults are the student's verdict), and nothing of
 * the grader (`__grader`, the harness's source).
 */
import type { GradeReport } from "./contract/schema";
import type { Mode } from "./contract/vocabulary";

export interface FixtureCase {
  file: string;
  /** the exercise to grade against (default batchnorm-forward) */
  exercise?: string;
  /** what the case proves (the item in brackets) */
  title: string;
  mode?: Mode;
  /** appended to the file's text before grading */
  append?: string;
  passes?: boolean;
  mustNotContain?: string[];
  check: (r: GradeReport) => void;
}

type Expect = (value: unknown, message?: string) => {
  toBe(v: unknown): void;
  toEqual(v: unknown): void;
  toMatch(v: RegExp | string): void;
  toBeLessThan(v: number): void;
  toBeGreaterThan(v: number): void;
  toContain(v: unknown): void;
  not: { toContain(v: unknown): void; toMatch(v: RegExp | string): void };
};

const statuses = (r: GradeReport) => r.tests.map((t) => t.status);

export function fixtureCases(expect: Expect): FixtureCase[] {
  return [
    {
      file: "html-comment-escape.ts.txt",
      title: "`<!--` cannot close the wrapper: a syntax error at the student's line [3]",
      check: (r) => {
        expect(r.status).toBe("error");
        expect(r.compileErrors[0].line).toBe(9);
        expect(r.summary).toMatch(/does not compile/);
      },
    },
    {
      file: "html-comment-meaning.ts.txt",
      title: "`<!--` means what TypeScript parsed (module grammar), not an HTML comment [3]",
      check: (r) => {
        expect(r.console[0]).toBe("c is false");
        expect(r.status).toBe("failed");
      },
    },
    {
      file: "throw-getter-at-load.ts.txt",
      title: "a thrown trap at load is read inside the isolate within the limit: the student's timeout [3]",
      check: (r) => {
        expect(r.status).toBe("error");
        expect(r.summary).toMatch(/top-level code ran longer than 1000 ms/);
        expect(new Set(statuses(r))).toEqual(new Set(["timeout"]));
      },
    },
    {
      file: "throw-getter-in-test.ts.txt",
      title: "a thrown trap inside a test times out that test; the rest are skipped [3]",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].status).toBe("timeout");
        expect(r.tests[1].message).toMatch(/skipped/);
      },
    },
    {
      file: "throw-trap-where-error-expected.ts.txt",
      exercise: "groupnorm",
      mode: "run",
      title: "a test that requires a throw skips the stack but still reads the thrown value inside the time limit [3]",
      check: (r) => {
        expect(r.status).toBe("failed");
        const divisibility = r.tests.find((t) => t.id === "groups-must-divide-channels");
        expect(divisibility?.status).toBe("timeout");
      },
    },
    {
      file: "throw-proxy.ts.txt",
      title: "a thrown looping Proxy and a slow getter stay inside the per-call limit [3]",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].status).toBe("timeout");
        expect(r.timings.sandboxMs).toBeLessThan(5000);
      },
    },
    {
      file: "unhandled-rejection-getter.ts.txt",
      title: "unhandled rejections (trap reasons, rejected import()) are never read; tests are graded on what the code returned [7]",
      mustNotContain: ["process is not defined", "grader failed"],
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].message).toMatch(/`mean` has length 1; expected length/);
      },
    },
    {
      file: "async-entry-throws.ts.txt",
      title: "an async entry that throws returns a rejected promise: a failed test, not a grader failure [7]",
      mustNotContain: ["process is not defined"],
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].message).toMatch(/returned a Promise/);
      },
    },
    {
      file: "microtask-flood-at-load.ts.txt",
      title: "an endless microtask chain started at load is the student's timeout [7]",
      check: (r) => {
        expect(r.status).toBe("error");
        expect(r.summary).toMatch(/endless chain of promise callbacks/);
      },
    },
    {
      file: "microtask-flood-in-test.ts.txt",
      title: "an endless microtask chain in test 4 times out test 4; tests 1–3 keep their passes [7]",
      check: (r) => {
        expect(statuses(r).slice(0, 4)).toEqual(["passed", "passed", "passed", "timeout"]);
        expect(r.status).toBe("failed");
        expect(r.score).toBeGreaterThan(0);
        expect(r.summary).toMatch(/Grading stopped at test/);
      },
    },
    {
      file: "resizable-buffer.ts.txt",
      title: "resizable ArrayBuffers are refused on every path [4]",
      check: (r) => {
        expect(r.console).toEqual(["refused 5 of 5"]);
        expect(r.status).toBe("failed");
        expect(r.tests[0].message).toMatch(/resizable ArrayBuffers \(maxByteLength\) are not available/);
      },
    },
    {
      file: "shared-buffer-and-wasm.ts.txt",
      title: "growable SharedArrayBuffers, WebAssembly memories and resize() are unreachable [4]",
      check: (r) => {
        expect(r.console).toEqual(["reachable: nothing"]);
      },
    },
    {
      file: "export-name-flood.ts.txt",
      title: "8,000 long export names do not amplify: five shortened names and a count [5]",
      check: (r) => {
        // the summary names an infrastructure failure if the worker was lost instead
        expect(r.status, r.summary).toBe("error");
        expect(r.compileErrors[0]?.message, r.summary).toMatch(/and 7995 more$/);
        expect(JSON.stringify(r).length).toBeLessThan(20_000);
        expect(r.tests[0].message).toBe("Not run: your module does not export `batchnormForward`.");
      },
    },
    {
      file: "huge-thrown-message.ts.txt",
      title: "5 MB messages, names and console lines are capped [5]",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(JSON.stringify(r).length).toBeLessThan(64_000);
      },
    },
    {
      file: "huge-public-details.ts.txt",
      title: "public details that would sum to ~1 MB are trimmed to fit 256 KB [5]",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].status).toBe("failed");
      },
    },
    {
      file: "regex-literal-spaces.ts.txt",
      title: "an invalid regex literal and 99,000 spaces: compile error parsed in linear time [6]",
      append: " ".repeat(99_000),
      check: (r) => {
        expect(r.status).toBe("error");
        expect(r.compileErrors[0]).toEqual({ line: 4, column: 11, message: "Invalid regular expression: /(/: Unterminated group" });
      },
    },
    {
      file: "grader-globals.ts.txt",
      title: "nothing of the grader is reachable: no globals, no functions through call sites [10]",
      check: (r) => {
        expect(r.console[0]).toBe("globals: none functions: 0 grader: undefined");
      },
    },
    {
      file: "top-level-await.ts.txt",
      title: "top-level await: a compile error at the student's line",
      check: (r) => {
        expect(r.status).toBe("error");
        expect(r.compileErrors[0].line).toBe(5);
      },
    },
    {
      file: "deep-nesting.ts.txt",
      title: "2,000 levels of nesting come out and are judged in the host, not a crash",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(r.tests[0].message).toMatch(/`out` has length 1; expected length/);
      },
    },
    {
      file: "fake-terminal-output.ts.txt",
      title: "control characters survive into the report as data (the CLI escapes them) [9]",
      check: (r) => {
        expect(r.status).toBe("failed");
      },
    },
    {
      file: "function-arg-probe.ts.txt",
      exercise: "gradient-check",
      mode: "run",
      title: "a function passed as a test argument is a dead end: native text, frozen, no caller, no call-site functions [10]",
      check: (r) => {
        expect(r.status).toBe("failed");
        expect(JSON.parse(r.console[0])).toEqual({
          source: "native",
          caller: "refused",
          args: "refused",
          write: "refused",
          frozen: "true",
          names: "length,name",
          result: JSON.stringify([[Math.tanh(1), Math.tanh(2)]]),
          sites: "0 functions",
          constructed: JSON.stringify([[Math.tanh(3)]]),
        });
      },
    },
    {
      file: "correct-typescript-features.ts.txt",
      title: "enums, namespaces, parameter properties, overloads, satisfies, as const, abstract classes: passes [8]",
      passes: true,
      check: (r) => {
        expect(r.status).toBe("passed");
      },
    },
    {
      file: "correct-decorators.ts.txt",
      title: "standard decorators and accessors: passes [8]",
      passes: true,
      check: (r) => {
        expect(r.status).toBe("passed");
      },
    },
  ];
}
