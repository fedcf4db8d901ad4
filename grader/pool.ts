/**
 * A bounded pool of grading worker processes. Jobs wait in a bounded FIFO
 * queue (GraderBusyError beyond it). A worker that crashes, exits or misses
 * its hard deadline is killed and replaced, and its job resolves with an
 * infrastructure "error" report — never lost, never hanging.
 *
 * The worker path is resolved from GRADER_ROOT or process.cwd() (not
 * import.meta.url): the Next.js server bundles this file but the worker must
 * still be found on disk.
 */
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { readExerciseSpec } from "./load-exercise";
import { type Watchdog, watchResidentMemory } from "./rss-watchdog";
import type { PublicExercise } from "./public-exercise";
import { FIXED_CAPS, type GradeReport, type GradeRequest } from "./schema";
import { FromWorkerSchema, type ToWorker } from "./worker-protocol";

export class GraderBusyError extends Error {
  override name = "GraderBusyError";
}

export class GraderJobError extends Error {
  override name = "GraderJobError";
  constructor(
    message: string,
    readonly reason: "unknown-exercise" | "exercise-format" | "internal",
  ) {
    super(message);
  }
}

export interface PoolOptions {
  size: number;
  maxQueue: number;
  /** repository root: the worker is <root>/grader/worker.ts */
  root: string;
  /** time for a worker to load an exercise before the sandbox starts */
  loadTimeoutMs?: number;
  /** added to the exercise's total limit before the worker is killed */
  graceMs?: number;
  /** started but idle workers kept ready, so a killed worker is replaced at once (default 1) */
  spares?: number;
  /** a worker running student code above this resident memory is killed (default 512 MB) */
  workerRssLimitMb?: number;
}

/** Why a job's worker was lost: killed at the deadline, aborted on out-of-memory, or another crash. */
export type InfraCause = "deadline" | "load-timeout" | "memory" | "crash";

type Outcome = { kind: "report"; report: GradeReport } | { kind: "public"; exercise: PublicExercise };

interface Job {
  id: number;
  message: ToWorker;
  enqueuedAt: number;
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
  /** settles the job when its worker died or was killed */
  onInfraFailure: (cause: InfraCause) => void;
}

interface Slot {
  child: ChildProcess;
  /** the worker said "ready": it has loaded and can take a job without delay */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  watchdog: Watchdog | null;
  stderrTail: string;
}

export class GraderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private closed = false;
  /** workers replaced after a crash or a missed deadline */
  restarts = 0;
  peakWorkerRssMb = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size + (options.spares ?? 1); i++) this.spawn();
  }

  get queued(): number {
    return this.queue.length;
  }

  async grade(request: GradeRequest): Promise<GradeReport> {
    const spec = await readExerciseSpec(request.exerciseId); // throws UnknownExerciseError early, in this process
    const enqueuedAt = performance.now();
    const outcome = await this.enqueue({ type: "grade", jobId: 0, request }, (job, cause) =>
      job.resolve({ kind: "report", report: infrastructureReport(request, spec.limits, infraMessage(cause, spec.limits)) }),
    );
    if (outcome.kind !== "report") throw new Error("unexpected worker answer");
    outcome.report.timings.queueMs = Math.max(0, performance.now() - enqueuedAt - outcome.report.timings.totalMs);
    return outcome.report;
  }

  async publicExercise(exerciseId: string): Promise<PublicExercise> {
    await readExerciseSpec(exerciseId);
    const outcome = await this.enqueue({ type: "public", jobId: 0, exerciseId }, (job, cause) =>
      job.reject(new GraderJobError(`the grading worker failed (${cause})`, "internal")),
    );
    if (outcome.kind !== "public") throw new Error("unexpected worker answer");
    return outcome.exercise;
  }

  private enqueue(message: ToWorker, onInfra: (job: Job, cause: InfraCause) => void): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error("the grader pool is shut down"));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new GraderBusyError(`the grading queue is full (${this.options.maxQueue})`));
    return new Promise<Outcome>((resolve, reject) => {
      const id = this.nextJobId++;
      const job: Job = { id, message: { ...message, jobId: id }, enqueuedAt: performance.now(), resolve, reject, onInfraFailure: (m) => onInfra(job, m) };
      this.queue.push(job);
      this.dispatch();
    });
  }

  private spawn(): void {
    // The worker is a file on disk run by tsx, never part of the Next.js bundle.
    const workerFile = path.join(/*turbopackIgnore: true*/ this.options.root, "grader", "worker.ts");
    const child = fork(/*turbopackIgnore: true*/ workerFile, [], {
      cwd: this.options.root,
      execArgv: ["--import", "tsx", "--no-node-snapshot"],
      env: { ...process.env, EXERCISES_DIR: path.resolve(process.env.EXERCISES_DIR ?? path.join(this.options.root, "exercises")) },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const slot: Slot = { child, ready: false, job: null, timer: null, watchdog: null, stderrTail: "" };
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString()).slice(-2000);
    });
    child.on("message", (raw) => this.onMessage(slot, raw));
    child.on("exit", (code, signal) => this.onExit(slot, code, signal));
    child.on("error", () => child.kill("SIGKILL"));
    this.slots.add(slot);
  }

  private dispatch(): void {
    // At most `size` jobs run at once (one per core); the other started
    // workers are spares that take over when a worker is killed.
    let busy = [...this.slots].filter((s) => s.job !== null).length;
    for (const slot of this.slots) {
      if (this.queue.length === 0 || busy >= this.options.size) return;
      if (slot.job !== null || !slot.ready || !slot.child.connected) continue;
      busy++;
      const job = this.queue.shift() as Job;
      slot.job = job;
      this.arm(slot, this.options.loadTimeoutMs ?? 30_000, "load-timeout");
      slot.child.send(job.message);
    }
  }

  private arm(slot: Slot, ms: number, why: InfraCause): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fail(slot, why), ms);
  }

  private onMessage(slot: Slot, raw: unknown): void {
    const parsed = FromWorkerSchema.safeParse(raw);
    const job = slot.job;
    if (!parsed.success) {
      this.fail(slot, "crash");
      return;
    }
    const msg = parsed.data;
    if (msg.type === "ready") {
      slot.ready = true;
      this.dispatch();
      return;
    }
    if (!job || msg.jobId !== job.id) return;
    if (msg.type === "started") {
      this.arm(slot, msg.deadlineMs + (this.options.graceMs ?? 1500), "deadline");
      if (slot.child.pid !== undefined) {
        slot.watchdog = watchResidentMemory(slot.child.pid, this.options.workerRssLimitMb ?? 512, () => this.fail(slot, "memory"));
      }
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.watchdog?.stop();
    slot.watchdog = null;
    slot.job = null;
    if (msg.type === "report") {
      this.peakWorkerRssMb = Math.max(this.peakWorkerRssMb, msg.maxRssMb);
      job.resolve({ kind: "report", report: msg.report });
    } else if (msg.type === "public") {
      job.resolve({ kind: "public", exercise: msg.exercise });
    } else {
      job.reject(new GraderJobError(msg.message, msg.reason));
    }
    this.dispatch();
  }

  /** Kill the worker; its exit handler reports the job and starts a replacement. */
  private fail(slot: Slot, why: InfraCause): void {
    slot.watchdog?.stop();
    slot.watchdog = null;
    if (slot.job) {
      const job = slot.job;
      slot.job = null;
      job.onInfraFailure(why);
    }
    slot.child.kill("SIGKILL");
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.watchdog?.stop();
    this.slots.delete(slot);
    if (slot.job) {
      const oom = /heap|memory|allocation/i.test(slot.stderrTail) || signal === "SIGABRT";
      slot.job.onInfraFailure(oom ? "memory" : "crash");
      slot.job = null;
    }
    void code;
    if (this.closed) return;
    this.restarts++;
    this.spawn();
    // A spare that is already ready takes the queued jobs now; the fresh
    // worker joins when it says "ready".
    setImmediate(() => this.dispatch());
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the grader pool is shut down"));
    const exits = [...this.slots].map(
      (slot) =>
        new Promise<void>((resolve) => {
          if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
          slot.child.once("exit", () => resolve());
          slot.child.kill("SIGKILL");
        }),
    );
    await Promise.all(exits);
  }
}

/** What the student reads when the worker running their code had to be stopped. */
export function infraMessage(cause: InfraCause, limits: { memoryMb: number; totalTimeoutMs: number }): string {
  switch (cause) {
    case "memory":
      return `Grading stopped: your code exceeded the memory limit of ${limits.memoryMb} MB and crashed the grading process. Avoid huge arrays or strings.`;
    case "deadline":
      return `Grading stopped: your code did not finish within the grading deadline of ${limits.totalTimeoutMs} ms and could not be interrupted (for example a huge Array(…).fill). It also may have exceeded the memory limit of ${limits.memoryMb} MB.`;
    case "load-timeout":
      return "Grading failed: the grader took too long to start. This is not your fault; please try again.";
    case "crash":
      return `Grading stopped: the grading process crashed while running your code (most often because the memory limit of ${limits.memoryMb} MB was exceeded). Please check your code and try again.`;
  }
}

/** An "error" report for a grading the worker could not finish (not the student's fault unless said so). */
export function infrastructureReport(request: GradeRequest, limits: GradeReport["limits"] | Omit<GradeReport["limits"], keyof typeof FIXED_CAPS>, message: string): GradeReport {
  return {
    version: 1,
    exerciseId: request.exerciseId,
    mode: request.mode,
    status: "error",
    score: 0,
    summary: message,
    tests: [],
    misconceptions: [],
    compileErrors: [],
    console: [],
    limits: { ...limits, ...FIXED_CAPS },
    timings: { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 0 },
  };
}
