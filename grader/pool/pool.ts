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
import { readExerciseSpec } from "../content/load-exercise";
import { type CapacityOptions, longIdle, msUntilNextSlow, startableJobs, workersToRetire, workersToSpawn } from "./pool-capacity";
import { type Watchdog, watchResidentMemory } from "./rss-watchdog";
import { NORMAL_WORKER_NICE, SLOW_JOB_NICE, setWorkerNice } from "./worker-priority";
import { type InfraCause, infraMessage, infrastructureReport } from "../engine/infrastructure-report";
import { isStudentCause, killedReport, type StreamedProgress } from "./killed-report";
import type { ExerciseSpec, GradeReport, GradeRequest } from "../contract/schema";
import { FromWorkerSchema, type ToWorker } from "./worker-protocol";
import { workerLaunch } from "./worker-spawn";

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
  /** repository root: the worker is <root>/grader/pool/worker.ts */
  root: string;
  /** time for a worker to load an exercise before the sandbox starts */
  loadTimeoutMs?: number;
  /** added to the exercise's total limit before the worker is killed */
  graceMs?: number;
  /** workers beyond `size`, started up front: they take over at once when a worker is killed and run queued jobs while others are stuck in slow ones (default 2) */
  spares?: number;
  /** most worker processes at once (default size + spares: no growth, because starting a worker costs ~1 s of CPU) */
  maxWorkers?: number;
  /** a job running longer than this no longer holds back the queue (default 60 ms; an honest grading takes ~10–50 ms) */
  slowAfterMs?: number;
  /** a job running longer than this drops to the lowest CPU priority (default: slowAfterMs) */
  deprioritizeAfterMs?: number;
  /** surplus workers started for slow jobs are retired after idling this long (default 30 s) */
  retireAfterIdleMs?: number;
  /** a worker running student code above this resident memory is killed (default 512 MB) */
  workerRssLimitMb?: number;
  /** workers grade every reference before taking work (default true; the one-shot CLI skips it) */
  warmUp?: boolean;
}

export type { InfraCause } from "../engine/infrastructure-report";

type Outcome = { kind: "report"; report: GradeReport };

interface Job {
  id: number;
  message: ToWorker;
  enqueuedAt: number;
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
  /** settles the job when its worker died or was killed */
  onInfraFailure: (cause: InfraCause) => void;
  /** what the worker streamed before finishing (grading jobs) */
  progress: StreamedProgress | null;
}

interface Slot {
  child: ChildProcess;
  /** when its current job was sent (null when idle) */
  busySinceMs: number | null;
  idleSinceMs: number;
  /** being shut down as surplus: its exit is not a crash */
  retiring: boolean;
  /** the worker said "ready": it has loaded and can take a job without delay */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** drops the worker's CPU priority once its job counts as slow */
  slowTimer: NodeJS.Timeout | null;
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
  private readonly capacity: CapacityOptions;
  private wakeTimer: NodeJS.Timeout | null = null;
  private retireTimer: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    const spares = options.spares ?? 2;
    this.capacity = {
      size: options.size,
      spares,
      maxWorkers: Math.max(options.maxWorkers ?? options.size + spares + 2, options.size + spares),
      slowAfterMs: options.slowAfterMs ?? 60,
      retireAfterIdleMs: options.retireAfterIdleMs ?? 30_000,
    };
    this.adjustWorkers();
    this.retireTimer = setInterval(() => this.adjustWorkers(), 5_000);
    this.retireTimer.unref?.();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Worker processes started, and how many of them have finished warming up. */
  get workers(): { started: number; ready: number } {
    const slots = [...this.slots].filter((s) => !s.retiring);
    return { started: slots.length, ready: slots.filter((s) => s.ready).length };
  }

  async grade(request: GradeRequest): Promise<GradeReport> {
    const spec = await this.spec(request.exerciseId); // throws UnknownExerciseError early, in this process
    const enqueuedAt = performance.now();
    const outcome = await this.enqueue({ type: "grade", jobId: 0, request }, (job, cause) =>
      job.resolve({
        kind: "report",
        report:
          job.progress && isStudentCause(cause)
            ? killedReport(request, spec.limits, cause, job.progress)
            : infrastructureReport(request, spec.limits, infraMessage(cause, spec.limits)),
      }),
    );
    if (outcome.kind !== "report") throw new Error("unexpected worker answer");
    outcome.report.timings.queueMs = Math.max(0, performance.now() - enqueuedAt - outcome.report.timings.totalMs);
    return outcome.report;
  }

  /**
   * exercise.json, read per grading (one small file): workers reload an
   * exercise whose content changed (load-exercise.ts), so the host's limits
   * for infrastructure reports must follow the current file too.
   */
  private spec(exerciseId: string): Promise<ExerciseSpec> {
    return readExerciseSpec(exerciseId);
  }

  private enqueue(message: ToWorker, onInfra: (job: Job, cause: InfraCause) => void): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error("the grader pool is shut down"));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new GraderBusyError(`the grading queue is full (${this.options.maxQueue})`));
    return new Promise<Outcome>((resolve, reject) => {
      const id = this.nextJobId++;
      const job: Job = {
        id,
        message: { ...message, jobId: id },
        enqueuedAt: performance.now(),
        resolve,
        reject,
        onInfraFailure: (m) => onInfra(job, m),
        progress: null,
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  private spawn(): void {
    // The worker is a file on disk run by tsx, never part of the Next.js bundle;
    // it starts with an allow-listed environment, outside the repository, unprivileged (worker-spawn.ts).
    const launch = workerLaunch(this.options.root, { warmUp: this.options.warmUp ?? true });
    const child = fork(/*turbopackIgnore: true*/ launch.file, launch.args, launch.options);
    const slot: Slot = { child, busySinceMs: null, idleSinceMs: performance.now(), retiring: false, ready: false, job: null, timer: null, slowTimer: null, watchdog: null, stderrTail: "" };
    setWorkerNice(child.pid, NORMAL_WORKER_NICE);
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString()).slice(-2000);
    });
    child.on("message", (raw) => this.onMessage(slot, raw));
    child.on("exit", (code, signal) => this.onExit(slot, code, signal));
    child.on("error", () => child.kill("SIGKILL"));
    this.slots.add(slot);
  }

  private dispatch(): void {
    const slots = [...this.slots];
    let startable = startableJobs(slots, performance.now(), this.capacity);
    for (const slot of slots) {
      if (this.queue.length === 0 || startable === 0) break;
      if (slot.job !== null || slot.retiring || !slot.ready || !slot.child.connected) continue;
      startable--;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.busySinceMs = performance.now();
      slot.slowTimer = setTimeout(() => setWorkerNice(slot.child.pid, SLOW_JOB_NICE), this.options.deprioritizeAfterMs ?? this.capacity.slowAfterMs);
      this.arm(slot, this.options.loadTimeoutMs ?? 30_000, "load-timeout");
      slot.child.send(job.message);
    }
    this.adjustWorkers();
    this.wakeWhenAJobTurnsSlow();
  }

  /** Keeps `spares` idle workers started (more while slow jobs run) and retires surplus idle ones. */
  private adjustWorkers(): void {
    if (this.closed) return;
    const slots = [...this.slots];
    for (let i = workersToSpawn(slots, this.capacity); i > 0; i--) this.spawn();
    const now = performance.now();
    let retire = workersToRetire(slots, this.capacity, now);
    for (const slot of slots) {
      if (retire === 0) break;
      if (slot.job === null && !slot.retiring && longIdle(slot, now, this.capacity)) {
        slot.retiring = true;
        slot.child.kill("SIGTERM");
        retire--;
      }
    }
  }

  /** Queued jobs may start on a spare once a running job has been slow for long enough. */
  private wakeWhenAJobTurnsSlow(): void {
    if (this.wakeTimer || this.queue.length === 0) return;
    const wait = msUntilNextSlow(this.slots, performance.now(), this.capacity);
    if (wait === null) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.dispatch();
    }, wait + 1);
    this.wakeTimer.unref?.();
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
      slot.idleSinceMs = performance.now();
      this.dispatch();
      return;
    }
    if (!job || msg.jobId !== job.id) return;
    if (msg.type === "plan") {
      job.progress = { plan: msg.tests, done: new Map() };
      return;
    }
    if (msg.type === "result") {
      if (job.progress && msg.index < job.progress.plan.length) job.progress.done.set(msg.index, msg.result);
      return;
    }
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
    slot.busySinceMs = null;
    slot.idleSinceMs = performance.now();
    slot.job = null;
    this.endSlowness(slot);
    if (msg.type === "report") {
      this.peakWorkerRssMb = Math.max(this.peakWorkerRssMb, msg.maxRssMb);
      job.resolve({ kind: "report", report: msg.report });
    } else {
      job.reject(new GraderJobError(msg.message, msg.reason));
    }
    this.dispatch();
  }

  private endSlowness(slot: Slot): void {
    if (!slot.slowTimer) return;
    clearTimeout(slot.slowTimer);
    slot.slowTimer = null;
    setWorkerNice(slot.child.pid, NORMAL_WORKER_NICE);
  }

  /** Kill the worker; its exit handler reports the job and starts a replacement. */
  private fail(slot: Slot, why: InfraCause): void {
    slot.watchdog?.stop();
    slot.watchdog = null;
    slot.busySinceMs = null;
    // Counted here, before the job settles, so callers see the restart at once;
    // `retiring` keeps onExit from counting it again or dispatching to it.
    if (!slot.retiring) this.restarts++;
    slot.retiring = true;
    if (slot.job) {
      const job = slot.job;
      slot.job = null;
      job.onInfraFailure(why);
    }
    slot.child.kill("SIGKILL");
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.slowTimer) clearTimeout(slot.slowTimer);
    slot.watchdog?.stop();
    this.slots.delete(slot);
    if (slot.job) {
      const oom = /heap|memory|allocation/i.test(slot.stderrTail) || signal === "SIGABRT";
      slot.job.onInfraFailure(oom ? "memory" : "crash");
      slot.job = null;
    }
    void code;
    if (this.closed) return;
    if (!slot.retiring) this.restarts++;
    // A spare that is already ready takes the queued jobs now; a fresh
    // worker (started by dispatch) joins when it says "ready".
    setImmediate(() => this.dispatch());
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    clearInterval(this.retireTimer);
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
