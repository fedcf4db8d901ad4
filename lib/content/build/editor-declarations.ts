/**
 * Type declarations for Monaco's IntelliSense, derived from the exercise's
 * STARTER (never the reference): the starter's exported signature becomes an
 * ambient module "exercise" plus a global alias of the entry's type, so
 * hovering, completion and checks know the exact contract even after the
 * student rewrites the function, and JavaScript users can write
 * `/** @type {import("exercise").batchnormForward} *\/`.
 *
 * TypeScript is one of Next.js's default server-external packages, so it is
 * loaded from node_modules at run time, not bundled.
 */
import ts from "typescript";

export function editorDeclarations(starter: string, entry: string): string {
  const { outputText, diagnostics } = ts.transpileDeclaration(starter, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, strict: true },
    reportDiagnostics: false,
  });
  if (diagnostics?.length) return "";
  const body = outputText
    .replace(/^export declare /gm, "export ")
    .replace(/^export \{\};?\s*$/gm, "")
    .trim();
  if (!body) return "";
  const alias = `${entry.charAt(0).toUpperCase()}${entry.slice(1)}Signature`;
  return [
    `declare module "exercise" {`,
    body
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
    "}",
    `/** The exact type the grader expects for \`${entry}\`. */`,
    `type ${alias} = typeof import("exercise").${entry};`,
    "",
  ].join("\n");
}
