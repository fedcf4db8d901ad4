/**
 * `npx tsx scripts/measure-body-limits.ts`: starts the production server
 * (scripts/start.ts, existing build, its own database), then sends a 200 MB
 * chunked body (no Content-Length) to every route that accepts a body — and
 * then to all of them at once — while sampling the web server's resident
 * memory from /proc. Each must be refused (4xx) and the server must grow by
 * less than 100 MB. Exit code 1 otherwise. Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { ManagedServer } from "./loadtest/server";
import { processTree } from "./loadtest/process-tree";

const BODY_BYTES = 200 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "a");
const MAX_GROWTH_MB = 100;

interface Target {
  name: string;
  method: string;
  path: string;
  auth: boolean;
  headers?: Record<string, string>;
}

const TARGETS: Target[] = [
  { name: "sign-in (no session)", method: "POST", path: "/api/auth/sign-in/email", auth: false },
  { name: "sign-up", method: "POST", path: "/api/auth/sign-up/email", auth: false },
  { name: "update-user", method: "POST", path: "/api/auth/update-user", auth: true },
  { name: "submission", method: "POST", path: "/api/exercises/batchnorm-forward/submissions", auth: true },
  { name: "draft", method: "PUT", path: "/api/exercises/batchnorm-forward/draft", auth: true },
  { name: "unknown server action", method: "POST", path: "/sign-in", auth: false, headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" } },
  ...signInActionTargets(),
];

/** The real sign-in server action (its id from the build's manifest), as a fetch and as a multipart form post. */
function signInActionTargets(): Target[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "signInAction")?.[0];
  if (!id) return [];
  return [
    { name: "sign-in action (text body)", method: "POST", path: "/sign-in", auth: false, headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" } },
    { name: "sign-in action (multipart)", method: "POST", path: "/sign-in", auth: false, headers: { "next-action": id, "content-type": "multipart/form-data; boundary=x" } },
  ];
}

/** RSS of the web server process (the tree minus grading workers and the start.ts wrapper). */
function serverRssMb(rootPid: number): number {
  const tree = processTree(rootPid).filter((p) => p.cmdline.includes("serve.ts"));
  return Math.round(tree.reduce((sum, p) => sum + p.rssKb, 0) / 102.4) / 10;
}

function sendChunked(base: URL, target: Target, cookie: string): Promise<{ status: number; sentMb: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sentMb: Math.round(sent / 1048576), ms: Math.round(performance.now() - started) });
    };
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: target.method,
        path: target.path,
        headers: { "content-type": "application/json", origin: base.origin, ...(target.auth ? { cookie } : {}), ...target.headers },
      },
      (res) => {
        res.resume();
        finish(res.statusCode ?? 0);
      },
    );
    req.on("error", () => finish(-1));
    const pump = () => {
      while (!done && sent < BODY_BYTES) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
    setTimeout(() => finish(-2), 120_000).unref();
  });
}

const server = await ManagedServer.create({ env: { AUTH_SIGN_UP_LIMIT: "1000" } });
let failed = true;
try {
  await server.start();
  const base = new URL(server.baseUrl);
  const signUp = await fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ name: "Body Test", email: `body-${Date.now()}@example.com`, password: "a-long-unusual-passphrase-42" }),
  });
  const cookie = (signUp.headers.getSetCookie().find((c) => c.includes("session_token=")) ?? "").split(";")[0];
  if (!cookie) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  // Warm every route once so the baseline includes their compiled code.
  for (const t of TARGETS) {
    await fetch(`${server.baseUrl}${t.path}`, { method: t.method, headers: { "content-type": "application/json", origin: server.baseUrl, ...(t.auth ? { cookie } : {}), ...t.headers }, body: "{}" }).then((r) => r.arrayBuffer());
  }
  await new Promise((r) => setTimeout(r, 1000));
  const baseline = serverRssMb(server.pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, serverRssMb(server.pid));
  }, 50);
  const results: Record<string, { status: number; sentMb: number; ms: number }> = {};
  for (const t of TARGETS) results[t.name] = await sendChunked(base, t, cookie);
  const sequentialPeak = peak;
  const parallel = await Promise.all(TARGETS.map((t) => sendChunked(base, t, cookie)));
  clearInterval(sampler);
  const figures = {
    bodyMb: BODY_BYTES / 1048576,
    baselineRssMb: baseline,
    peakRssMbSequential: sequentialPeak,
    peakRssMbParallel: peak,
    growthMb: Math.round((peak - baseline) * 10) / 10,
    results,
    parallelStatuses: parallel.map((p) => p.status),
    serverAlive: await server.healthy(),
  };
  failed =
    figures.growthMb >= MAX_GROWTH_MB ||
    !figures.serverAlive ||
    [...Object.values(results), ...parallel].some((r) => r.status < 400 || r.status >= 500);
  for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(30)} ${r.status}  after ${r.sentMb} MB sent, ${r.ms} ms`);
  console.log(JSON.stringify(figures));
} finally {
  await server.stop();
  if (!failed) server.removeFiles();
}
process.exit(failed ? 1 : 0);
