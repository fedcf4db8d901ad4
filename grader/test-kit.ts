/**
 * Helpers for instructors' tests.ts files (see grader/FORMAT.md). Trusted code:
 * it runs in the host, never in the sandbox. Every generator is deterministic
 * given its seeded Rng, so a test's inputs are the same on every grading.
 */
import seedrandom from "seedrandom";

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  uniform(min: number, max: number): number;
  /** standard normal (Box–Muller) */
  normal(mean?: number, std?: number): number;
  int(minInclusive: number, maxInclusive: number): number;
}

/**
 * "arc4" (seedrandom's default) for tests resolved once with their default
 * seed; "tychei" for hidden tests resolved on every grading: much cheaper to
 * seed (no 256-entry key schedule) and it leaves far less garbage behind, which
 * kept grading workers' heaps small (measured in npm run bench).
 */
export type RngAlgorithm = "arc4" | "tychei";

export function createRng(seed: number | string, algorithm: RngAlgorithm = "arc4"): Rng {
  const prng = algorithm === "tychei" ? seedrandom.tychei(String(seed)) : seedrandom(String(seed));
  const next = () => prng.quick();
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: (mean = 0, std = 1) => {
      const u = 1 - next();
      const v = next();
      return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/** Stable default seed derived from a test id, so reordering tests changes nothing. */
export function seedFromId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export interface ValueOptions {
  /** lower bound for uniform values (default −2) */
  min?: number;
  /** upper bound for uniform values (default 2) */
  max?: number;
  /** added to every value, e.g. 1e8 for a large common offset */
  offset?: number;
  /** draw from a normal distribution with this std instead of uniform */
  std?: number;
}

function draw(rng: Rng, o: ValueOptions): number {
  const base = o.std !== undefined ? rng.normal(0, o.std) : rng.uniform(o.min ?? -2, o.max ?? 2);
  return base + (o.offset ?? 0);
}

export function vector(rng: Rng, n: number, o: ValueOptions = {}): number[] {
  return Array.from({ length: n }, () => draw(rng, o));
}

export function matrix(rng: Rng, rows: number, cols: number, o: ValueOptions = {}): number[][] {
  return Array.from({ length: rows }, () => vector(rng, cols, o));
}

export function tensor4(rng: Rng, n: number, c: number, h: number, w: number, o: ValueOptions = {}): number[][][][] {
  return Array.from({ length: n }, () => Array.from({ length: c }, () => matrix(rng, h, w, o)));
}

export function constant(rows: number, cols: number, value: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

// ---- test case shapes (validated at load time by grader/contract/schema.ts) ----

export type Visibility = "public" | "hidden";
export interface Tolerance {
  atol: number;
  rtol: number;
}

export type ScenarioStep =
  | { op: "new"; instance: string; args: unknown[] }
  | { op: "call"; instance: string; method: string; args?: unknown[] }
  | { op: "get"; instance: string; field: string }
  | { op: "set"; instance: string; field: string; value: unknown };

interface TestCaseBase {
  id: string;
  name: string;
  visibility: Visibility;
  points: number;
  hint?: string;
  seed?: number;
  tolerance?: Partial<Tolerance>;
  /** the reference's output holds NaN or ±∞ on purpose (otherwise exercises:check refuses the test) */
  expectNonFinite?: true;
}

export interface CallTestCase extends TestCaseBase {
  args: unknown[] | ((rng: Rng) => unknown[]);
  /** compare only these keys of an object-valued result */
  compare?: string[];
  /** call this function of exercise.json's `otherEntries` instead of the entry */
  entry?: string;
  /** the call must throw (invalid input the prompt defines as an error) */
  throws?: true;
}

export interface ScenarioTestCase extends TestCaseBase {
  scenario: ScenarioStep[] | ((rng: Rng) => ScenarioStep[]);
}

export type TestCaseDefinition = CallTestCase | ScenarioTestCase;

/** Identity at run time; gives instructors type checking and autocompletion. */
export function defineTests(tests: TestCaseDefinition[]): TestCaseDefinition[] {
  return tests;
}
