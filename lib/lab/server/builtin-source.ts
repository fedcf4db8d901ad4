/**
 * The built-in layer's code for the lab's worker: reference-batchnorm.ts read
 * from disk and compiled with the grader's compiler (types stripped, exports
 * → `exports.x`), the same form as a student's compiled submission. Read
 * from the file rather than imported so no bundler ever sees it as a module
 * that a client chunk could pull in.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compileSubmission } from "@/grader";

export const REFERENCE_LAYER_FILE = path.join(process.cwd(), "lib", "lab", "server", "reference-batchnorm.ts");

let compiled: Promise<string> | null = null;

export function builtinLayerCode(): Promise<string> {
  compiled ??= readFile(REFERENCE_LAYER_FILE, "utf8").then((source) => {
    const result = compileSubmission(source, "typescript");
    if (!result.ok) throw new Error(`the built-in layer does not compile: ${result.errors[0]?.message}`);
    return result.module.code;
  });
  return compiled;
}
