/**
 * The scale test's hosts as separate processes, each in its own process
 * group (a kill takes the host and its grading workers down together, like a
 * machine failing), optionally pinned to one CPU core (taskset) and, where
 * the machine allows it, in its own network namespace (netns.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import readline from "node:readline";

export interface HostSpec {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** CPU core to pin the process (and its children) to */
  core?: number;
  /** network namespace to run in (ip netns exec) */
  netns?: string;
  logFile: string;
  /** each stdout line that is a JSON object */
  onJson?: (value: Record<string, unknown>) => void;
}

export class HostProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;

  constructor(readonly spec: HostSpec) {
    this.log = createWriteStream(spec.logFile, { flags: "a" });
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const { spec } = this;
    let command = process.execPath;
    let args = ["--import", "tsx", ...spec.args];
    if (spec.core !== undefined) [command, args] = ["taskset", ["-c", String(spec.core), command, ...args]];
    if (spec.netns) [command, args] = ["ip", ["netns", "exec", spec.netns, command, ...args]];
    const child = spawn(command, args, { env: spec.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    child.stderr?.pipe(this.log, { end: false });
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      this.log.write(`${line}\n`);
      if (line.startsWith("{") && spec.onJson) {
        try {
          spec.onJson(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not one of ours
        }
      }
    });
  }

  /** SIGKILL the whole process group: nothing gets to clean up, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || !this.running) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await exited;
    this.child = null;
  }

  /** SIGTERM and wait (graceful), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child?.pid || !this.running) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
    try {
      process.kill(-child.pid, "SIGKILL"); // leftovers of the group (grading workers)
    } catch {
      // already gone
    }
    this.child = null;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.log.end(resolve));
  }
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}
