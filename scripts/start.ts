/**
 * `npm start`: the whole platform from a fresh clone on the embedded default.
 * Migrates the database, builds the content manifest (npm run content:build),
 * seeds the demo accounts (unless SEED_DEMO_DATA=false),
 * builds the app if the build is missing or older than the sources, then runs
 * scripts/serve.ts (Next.js's handler behind our own HTTP server). Submissions left queued by a previous run are re-graded by the
 * app itself once it is up.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";
import { buildIsCurrent, recordBuildFingerprint } from "./build-fingerprint";

const nodeMajor = Number(process.versions.node.split(".")[0]);
if (nodeMajor < 24) {
  console.error(
    `BatchNorm Lab needs Node.js 24 or newer; this is ${process.version}. Run it through npm (\`npm start\`), which uses the Node 24 that \`npm install\` put in node_modules/.bin.`,
  );
  process.exit(1);
}
console.log(`Node.js ${process.version} (${process.execPath})`);

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
const port = process.env.PORT?.trim() || "3000";
const host = process.env.HOST?.trim() || "0.0.0.0";

function run(args: string[], label: string): void {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

prepareDatabase();
// the content manifest the app reads (lib/content/manifest.ts); a problem in the content stops the start here
run(["--import", "tsx", "scripts/content-build.ts"], "Building the content manifest");
if ((process.env.SEED_DEMO_DATA ?? "true").toLowerCase() !== "false") {
  run(["--import", "tsx", "prisma/seed.ts"], "Seeding demo data");
}
if (process.env.SKIP_BUILD !== "1" && !buildIsCurrent()) {
  console.log("Building the app (first start or sources changed)…");
  // scripts/next-build.ts: next build that fails on Turbopack warnings
  run(["--import", "tsx", "scripts/next-build.ts"], "next build");
  run(["--import", "tsx", "scripts/precompress-static.ts"], "Precompressing the static assets");
  recordBuildFingerprint();
}

console.log(`Starting BatchNorm Lab on http://localhost:${port}`);
// scripts/serve.ts: next's handler behind a server that resolves the client address (TRUSTED_PROXIES).
const server = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts")], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORT: port, HOST: host },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
