/**
 * A worked example in a prompt is checked against the reference, so the
 * numbers a student reads are the numbers the grader expects. An example is
 * a fenced block whose info string contains `example` (e.g. "```ts example"):
 * the call to the entry, then comment lines `// <key> ≈ <value>` or
 * `// <key> = <value>`, where key is a field of the returned object (or
 * `result` for the whole value) and value is JSON. `=` must match within the
 * exercise's tolerance; `≈` to the digits printed. Comment lines whose value
 * is not JSON are explanation and are left alone.
 */
import type { LoadedExercise } from "@/grader/content/load-exercise";

export interface PromptExample {
  /** line of the fence in prompt.md (1-based) */
  line: number;
  call: string;
  expectations: { key: string; approx: boolean; value: unknown; line: number }[];
}

const EXPECTATION = /^\s*\/\/\s*([A-Za-z_$][\w$]*)\s*(≈|=)\s*(.+?)\s*$/;

export function promptExamples(prompt: string): PromptExample[] {
  const lines = prompt.split("\n");
  const examples: PromptExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, k) => k > i && l.startsWith("```"));
    if (end < 0) break;
    if (fence[1].split(/\s+/).includes("example")) {
      const body = lines.slice(i + 1, end);
      const call: string[] = [];
      const expectations: PromptExample["expectations"] = [];
      body.forEach((text, k) => {
        const m = EXPECTATION.exec(text);
        const value = m ? parseJson(m[3]) : undefined;
        if (m && value !== undefined) expectations.push({ key: m[1], approx: m[2] === "≈", value, line: i + 2 + k });
        else if (!/^\s*\/\//.test(text)) call.push(text);
      });
      examples.push({ line: i + 1, call: call.join("\n").trim().replace(/;\s*$/, ""), expectations });
    }
    i = end;
  }
  return examples;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Decimal places printed in a number's JSON text (1.4999994 → 7, 2 → 0, 1e-5 → 5). */
function printedStep(text: string): number {
  const [mantissa, exponent = "0"] = text.toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  return 10 ** (Number(exponent) - decimals);
}

/** Compares printed against actual; returns the first mismatch's path, or null. */
function mismatch(printed: unknown, printedText: string, actual: unknown, approx: boolean, tol: { atol: number; rtol: number }, at = ""): string | null {
  if (typeof printed === "number") {
    if (typeof actual !== "number") return `${at || "(value)"}: reference gives ${JSON.stringify(actual)}`;
    const allowed = approx ? printedStep(printedText) / 2 + 1e-12 : tol.atol + tol.rtol * Math.abs(actual);
    return Math.abs(actual - printed) <= allowed ? null : `${at || "(value)"}: printed ${printedText}, reference gives ${actual}`;
  }
  if (Array.isArray(printed)) {
    if (!Array.isArray(actual) || actual.length !== printed.length) return `${at || "(value)"}: shape differs from the reference's ${JSON.stringify(actual)?.slice(0, 80)}`;
    const texts = splitTopLevel(printedText);
    for (let k = 0; k < printed.length; k++) {
      const found = mismatch(printed[k], texts[k] ?? JSON.stringify(printed[k]), actual[k], approx, tol, `${at}[${k}]`);
      if (found) return found;
    }
    return null;
  }
  return JSON.stringify(printed) === JSON.stringify(actual) ? null : `${at || "(value)"}: printed ${printedText}, reference gives ${JSON.stringify(actual)}`;
}

/** The element texts of a JSON array's text, so each number keeps the digits the author printed. */
function splitTopLevel(text: string): string[] {
  const inner = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < inner.length; k++) {
    if (inner[k] === "[" || inner[k] === "{") depth++;
    else if (inner[k] === "]" || inner[k] === "}") depth--;
    else if (inner[k] === "," && depth === 0) {
      parts.push(inner.slice(start, k).trim());
      start = k + 1;
    }
  }
  parts.push(inner.slice(start).trim());
  return parts;
}

/** Errors for examples in prompt.md whose printed values the reference does not produce. */
export function checkPromptExamples(exercise: LoadedExercise): string[] {
  const { spec } = exercise;
  const where = `${spec.id}/prompt.md`;
  const errors: string[] = [];
  for (const example of promptExamples(exercise.prompt)) {
    if (spec.kind !== "function") {
      errors.push(`${where}:${example.line}: \`example\` blocks are checked for function exercises only; drop the word "example" from the fence`);
      continue;
    }
    if (example.expectations.length === 0) {
      errors.push(`${where}:${example.line}: an \`example\` block needs lines like \`// out ≈ [[1, 2]]\` (JSON after ≈ or =) to check`);
      continue;
    }
    let result: unknown;
    try {
      // Trusted author content, evaluated in the build process like tests.ts.
      // every exported entry by name (the entry and any otherEntries)
      result = new Function(...Object.keys(exercise.reference), `return (${example.call});`)(...Object.values(exercise.reference));
    } catch (e) {
      errors.push(`${where}:${example.line}: the example call \`${example.call.slice(0, 60)}\` could not run: ${(e as Error).message}`);
      continue;
    }
    for (const expectation of example.expectations) {
      const actual = expectation.key === "result" ? result : (result as Record<string, unknown> | null)?.[expectation.key];
      if (actual === undefined) {
        errors.push(`${where}:${expectation.line}: \`${expectation.key}\` is not a field of what ${spec.entry} returns (use \`result\` for the whole value)`);
        continue;
      }
      const text = exercise.prompt.split("\n")[expectation.line - 1].replace(EXPECTATION, "$3");
      const found = mismatch(expectation.value, text, actual, expectation.approx, spec.tolerance, expectation.key);
      if (found) errors.push(`${where}:${expectation.line}: worked example disagrees with the reference at ${found}`);
    }
  }
  return errors;
}
