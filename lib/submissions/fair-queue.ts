/**
 * Fair grading in front of the grader pool (grader/pool/pool.ts is FIFO and knows
 * nothing about users). Every grading passes through here:
 *
 * - at most `perUser` gradings of one user run at once; the rest wait;
 * - the next grading goes to the waiting address, and within it the waiting
 *   user, with the least recent grading time (an exponentially decaying sum,
 *   running gradings included), ties broken by who was served longest ago
 *   (round robin; fair-turns.ts) — so addresses are taken in turn, and their
 *   users in turn within them (seven free accounts on one address share one
 *   address's turns), and someone whose gradings are slow waits behind
 *   everyone whose gradings are fast, however early they arrived;
 * - `fast` gradings run at once (the pool's cores); a grading that has run
 *   `slowAfterMs` stops counting against that, like in the pool, but slow
 *   gradings and those of "heavy" users may hold at most `maxHeavy` workers
 *   together (the pool's spares), so
 *   the pool's own `fast` workers stay free for everyone else: the pool starts
 *   more workers only slowly (a second of CPU each), and a fast grading that
 *   waited for a free one measured 5–7 s behind three 5 s gradings;
 * - heavy = the user's recent mean grading time is above `heavyAfterMs` AND
 *   above `heavyFactor` × the median of the last gradings of everyone (so a
 *   loaded machine, where every grading takes longer, does not make honest
 *   students heavy), with `priorGradings` free gradings in the mean (so one
 *   slow first grading — a cold worker — does not either). Before this rule,
 *   honest gradings of 0.5–1.2 s on a loaded machine (seen in the abuse load
 *   test) made students heavy, to wait for a worker behind 5 s gradings of
 *   abusers (fair-queue-heavy.test.ts);
 * - a user with `maxWaitingPerUser` gradings waiting, or a full queue, gets
 *   GraderBusyError (the caller stores the submission as queued and retries).
 *
 * The CPU-time budgets (grading-budget.ts) are charged from here with each
 * grading's measured time.
 *
 * Background owners (a regrade, lib/regrade/) come last: one of their
 * gradings starts only when no student grading is waiting and fewer than
 * `fast` gradings run, and at most one runs at a time — a regrade of a
 * thousand submissions never delays a student's Run by more than the one
 * grading it already started.
 */
import "server-only";
import { GraderBusyError } from "@/grader";
import { addressKeyOf, nextTurn, userKeyOf } from "./fair-turns";

/** How many recent gradings the median is taken over. */
const RECENT_GRADINGS = 64;

export interface FairQueueOptions {
  perUser: number;
  fast: number;
  maxInFlight: number;
  /** slow gradings and heavy users' gradings at once */
  maxHeavy: number;
  slowAfterMs: number;
  heavyAfterMs: number;
  /** heavy also needs a mean above this many times the recent median grading (default 3) */
  heavyFactor?: number;
  /** gradings of no cost added to every user's mean (default 1) */
  priorGradings?: number;
  halfLifeMs: number;
  maxWaiting: number;
  maxWaitingPerUser: number;
}

export interface Owner {
  userId: string;
  address?: string;
  /** low priority: runs only on an idle core, one at a time (regrades) */
  background?: boolean;
}

interface Waiting {
  owner: Owner;
  start: () => void;
}

interface Running {
  userId: string;
  startedAt: number;
  heavy: boolean;
  background: boolean;
}

interface UserState {
  background: boolean;
  /** the group it takes turns in: its latest known address (fair-turns.ts), else itself */
  addressKey: string;
  waiting: Waiting[];
  running: number;
  /** decayed grading milliseconds as of `usageAt` */
  usage: number;
  /** decayed number of gradings as of `usageAt` (usage / count = recent mean grading time) */
  count: number;
  usageAt: number;
  lastServed: number;
}

export class FairQueue {
  private readonly users = new Map<string, UserState>();
  private readonly running = new Set<Running>();
  /** address key → when it was last served (serveCounter) */
  private readonly addressServed = new Map<string, number>();
  private waitingCount = 0;
  private serveCounter = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  /** the last students' grading times (ring buffer), for the median */
  private readonly recent: number[] = [];
  private recentNext = 0;
  /** their median, kept up to date by remember() */
  private typical = 0;

  constructor(
    private readonly options: FairQueueOptions,
    private readonly onDone: (owner: Owner, ms: number) => void = () => {},
    private readonly now: () => number = () => performance.now(),
  ) {}

  get waiting(): number {
    return this.waitingCount;
  }

  /**
   * Runs `job` when it is this owner's turn; resolves with its result.
   * `costOf` says what the grading cost (its own run time, without waiting in
   * the pool); by default the wall time from start to end.
   */
  run<T>(owner: Owner, job: () => Promise<T>, costOf?: (result: T) => number | undefined): Promise<T> {
    const user = this.user(owner.userId, owner.background === true);
    // A grading without a known address (a retry after a restart) leaves the user in its address's group.
    user.addressKey = addressKeyOf(owner) ?? user.addressKey;
    if (this.waitingCount >= this.options.maxWaiting) return Promise.reject(new GraderBusyError("the grading queue is full"));
    if (user.waiting.length >= this.options.maxWaitingPerUser) {
      return Promise.reject(new GraderBusyError("too many of your gradings are waiting"));
    }
    return new Promise<T>((resolve, reject) => {
      user.waiting.push({
        owner,
        start: () => {
          const entry: Running = { userId: owner.userId, startedAt: this.now(), heavy: this.isHeavy(user), background: user.background };
          this.running.add(entry);
          user.running++;
          let cost: number | undefined;
          job()
            .then((result) => {
              cost = costOf?.(result);
              resolve(result);
            }, reject)
            .finally(() => {
              const ms = cost ?? this.now() - entry.startedAt;
              this.running.delete(entry);
              user.running--;
              this.addUsage(user, ms);
              if (!user.background) this.remember(ms);
              this.onDone(owner, ms);
              this.forgetIfIdle(owner.userId, user);
              this.dispatch();
            });
        },
      });
      this.waitingCount++;
      this.dispatch();
    });
  }

  private user(userId: string, background = false): UserState {
    let state = this.users.get(userId);
    if (!state) {
      state = { background, addressKey: userKeyOf(userId), waiting: [], running: 0, usage: 0, count: 0, usageAt: this.now(), lastServed: -1 };
      this.users.set(userId, state);
    }
    return state;
  }

  private usageOf(user: UserState): number {
    const decay = 0.5 ** ((this.now() - user.usageAt) / this.options.halfLifeMs);
    let usage = user.usage * decay;
    // Time the user's running gradings have taken so far counts already.
    for (const r of this.running) if (this.users.get(r.userId) === user) usage += this.now() - r.startedAt;
    return usage;
  }

  /**
   * Heavy = the user's recent gradings take long on average (not: many
   * gradings), and long compared with everyone's right now — a student
   * running fast code often on a loaded machine is not heavy; one whose code
   * spins for seconds is, from its first slow run.
   */
  private isHeavy(user: UserState): boolean {
    const decay = 0.5 ** ((this.now() - user.usageAt) / this.options.halfLifeMs);
    let running = 0;
    for (const r of this.running) if (this.users.get(r.userId) === user) running++;
    const count = user.count * decay + running + (this.options.priorGradings ?? 1);
    const mean = this.usageOf(user) / count;
    return mean > this.options.heavyAfterMs && mean > (this.options.heavyFactor ?? 3) * this.typicalMs();
  }

  /** Median of the last gradings (0 before any). */
  private typicalMs(): number {
    return this.typical;
  }

  private remember(ms: number): void {
    this.recent[this.recentNext] = ms;
    this.recentNext = (this.recentNext + 1) % RECENT_GRADINGS;
    const sorted = [...this.recent].sort((a, b) => a - b);
    this.typical = sorted[Math.floor(sorted.length / 2)];
  }

  private addUsage(user: UserState, ms: number): void {
    const decay = 0.5 ** ((this.now() - user.usageAt) / this.options.halfLifeMs);
    user.usage = user.usage * decay + ms;
    user.count = user.count * decay + 1;
    user.usageAt = this.now();
  }

  private forgetIfIdle(userId: string, user: UserState): void {
    // Usage below 1 ms no longer changes anyone's turn.
    if (user.running === 0 && user.waiting.length === 0 && this.usageOf(user) < 1) this.users.delete(userId);
  }

  private dispatch(): void {
    for (;;) {
      const now = this.now();
      const fresh = [...this.running].filter((r) => now - r.startedAt < this.options.slowAfterMs).length;
      if (fresh >= this.options.fast || this.running.size >= this.options.maxInFlight) break;
      const heavyRunning = [...this.running].filter((r) => r.heavy || now - r.startedAt >= this.options.slowAfterMs).length;
      const heavyAllowed = heavyRunning < this.options.maxHeavy;
      const next = this.pick(heavyAllowed);
      if (!next) break;
      const item = next.state.waiting.shift() as Waiting;
      this.waitingCount--;
      next.state.lastServed = ++this.serveCounter;
      this.addressServed.set(next.state.addressKey, next.state.lastServed);
      item.start();
    }
    this.wakeWhenAGradingTurnsSlow();
  }

  private pick(heavyAllowed: boolean): { state: UserState } | null {
    return this.pickAmong(heavyAllowed, false) ?? (this.backgroundMayStart() ? this.pickAmong(heavyAllowed, true) : null);
  }

  /** An idle core and no background grading running already. */
  private backgroundMayStart(): boolean {
    if (this.running.size >= this.options.fast) return false;
    for (const r of this.running) if (r.background) return false;
    return true;
  }

  private pickAmong(heavyAllowed: boolean, background: boolean): { state: UserState } | null {
    const candidates: { state: UserState; addressKey: string; usage: number; lastServed: number }[] = [];
    const addressUsage = new Map<string, number>();
    for (const [userId, state] of this.users) {
      const usage = this.usageOf(state);
      // Idle users whose usage decayed away no longer change anyone's turn (nor do their addresses).
      if (state.running === 0 && state.waiting.length === 0 && usage < 1) {
        this.users.delete(userId);
        continue;
      }
      addressUsage.set(state.addressKey, (addressUsage.get(state.addressKey) ?? 0) + usage);
      if (state.background !== background) continue;
      if (state.waiting.length === 0 || state.running >= this.options.perUser) continue;
      if (!heavyAllowed && this.isHeavy(state)) continue;
      candidates.push({ state, addressKey: state.addressKey, usage, lastServed: state.lastServed });
    }
    for (const key of this.addressServed.keys()) if (!addressUsage.has(key)) this.addressServed.delete(key);
    return nextTurn(candidates, addressUsage, (key) => this.addressServed.get(key) ?? -1);
  }

  /** A waiting grading may start once a running one has turned slow. */
  private wakeWhenAGradingTurnsSlow(): void {
    if (this.wakeTimer || this.waitingCount === 0) return;
    const now = this.now();
    let soonest: number | null = null;
    for (const r of this.running) {
      const left = r.startedAt + this.options.slowAfterMs - now;
      if (left > 0 && (soonest === null || left < soonest)) soonest = left;
    }
    if (soonest === null) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.dispatch();
    }, soonest + 1);
    this.wakeTimer.unref?.();
  }
}
