/**
 * The server under test: the real production server (`scripts/start.ts` →
 * `scripts/serve.ts`, Next.js behind our HTTP server; formerly
 * `next start`) on a free loopback port with its own SQLite file, started in
 * its own process group so a restart kills the server and its grading
 * workers together (SIGKILL: nothing gets a chance to clean up, like a crash).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";

export interface ServerOptions {
  graderWorkers?: number;
  graderMaxQueue?: number;
  /** extra environment (e.g. a per-user rate limit for the backpressure run) */
  env?: Record<string, string>;
}


export class ManagedServer {
  private child: ChildProcess | null = null;
  private readonly log: WriteStream;
  readonly baseUrl: string;
  /** everything the server printed, for the password-leak check */
  readonly logFile: string;
  restarts = 0;

  private constructor(
    readonly port: number,
    readonly databaseFile: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.logFile = path.resolve("prisma", `loadtest-${port}.log`);
    this.log = createWriteStream(this.logFile, { flags: "w" });
  }

  static async create(options: ServerOptions = {}): Promise<ManagedServer> {
    const port = await freePort();
    const databaseFile = path.resolve("prisma", `loadtest-${port}.db`);
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(databaseFile + suffix, { force: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      SEED_DEMO_DATA: "false",
      // Reuse the existing build: building here would race other builds of .next.
      SKIP_BUILD: existsSync(path.resolve(".next", "BUILD_ID")) ? "1" : "",
      AUTH_RATE_LIMIT_MAX: "100000",
      AUTH_SIGN_UP_LIMIT: "100000",
      AUTH_SIGN_IN_LIMIT: "100000",
      // every simulated student shares 127.0.0.1 (except in the abuse scenario, main.ts)
      SUBMISSION_ADDRESS_RATE_LIMIT_POINTS: "100000",
      AUTOSAVE_ADDRESS_RATE_LIMIT_POINTS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      ...(options.graderWorkers ? { GRADER_WORKERS: String(options.graderWorkers) } : {}),
      ...(options.graderMaxQueue ? { GRADER_MAX_QUEUE: String(options.graderMaxQueue) } : {}),
      ...options.env,
    };
    return new ManagedServer(port, databaseFile, env);
  }

  get running(): boolean {
    return Boolean(this.child?.pid) && this.child?.exitCode === null && this.child?.signalCode === null;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error("server not running");
    return this.child.pid;
  }

  async start(timeoutMs = 240_000): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: this.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} during start-up; see ${this.logFile}`);
      if (await this.healthy()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL the whole process group (server, next start, grading workers). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    this.restarts++;
    await this.start();
  }

  /** Deletes the run's database and log (kept when a run failed, for diagnosis). */
  removeFiles(): void {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(this.databaseFile + suffix, { force: true });
    rmSync(this.logFile, { force: true });
  }

  async stop(): Promise<void> {
    await this.kill();
    await new Promise((resolve) => this.log.end(resolve));
  }
}
