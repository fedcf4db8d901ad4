/**
 * `next build`, failing on warnings: Turbopack's warnings (a dynamic fs path
 * traced over the whole project, an unresolvable import, …) are noise an
 * author cannot act on and hide real problems, so the build must print none.
 * Used by `npm run build`, `npm start` and `npm run test:e2e`. The output is
 * echoed as it arrives; the exit code is next build's, or 1 when it warned.
 */
import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Notices about the machine rather than the code: every fresh clone and CI run
 * has no `.next/cache` yet, so "No build cache found" is printed there always.
 */
const ENVIRONMENT_NOTICES = [/No build cache found/i];

/** Lines of next build's output that report a warning (Turbopack's, or Next's own "⚠"). */
export function buildWarnings(output: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  return plain
    .split("\n")
    .filter((line) => /^\s*⚠|Turbopack build encountered \d+ warnings?|Compiled with warnings|^\s*Warning:/i.test(line))
    .filter((line) => !ENVIRONMENT_NOTICES.some((notice) => notice.test(line)));
}

export function runNextBuild(): Promise<number> {
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      if (code !== 0) return resolve(code ?? 1);
      const warnings = buildWarnings(output);
      if (warnings.length) {
        console.error(`\nnext build printed ${warnings.length} warning line(s); the build must print none (fix the cause):\n${warnings.join("\n")}`);
        return resolve(1);
      }
      resolve(0);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exit(await runNextBuild());
}
