/**
 * One simulated student speaking the real HTTP API: sign up through
 * better-auth (with the Origin header a browser sends), submit, poll. A
 * request that fails at the network level (server restarting) is repeated
 * with the SAME clientRequestId — the API's idempotency contract — until a
 * deadline, so a restart can never turn into a duplicate.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Mode } from "@/grader/contract/vocabulary";

const FINAL = new Set(["graded", "error"]);

const SubmissionBodySchema = z.object({ id: z.string(), status: z.string(), verdict: z.string().nullable().optional() });

export interface HttpCounters {
  requests: number;
  byStatus: Map<number, number>;
  networkErrors: number;
  /** 503s that stored the submission and carried its id (the API's "poll me"), not failures */
  busyWithId: number;
}

export function newCounters(): HttpCounters {
  return { requests: 0, byStatus: new Map(), networkErrors: 0, busyWithId: 0 };
}

export interface SubmitOutcome {
  clientRequestId: string;
  /** the server stored it (200, or 503 with an id): it must reach a final status */
  accepted: boolean;
  submissionId: string | null;
  finalStatus: string | null;
  verdict: string | null;
  /** first send → final report seen by the client */
  latencyMs: number;
  rateLimited: number;
  busy: number;
  /** Retry-After was present on every 429/503 */
  retryAfterOk: boolean;
  /** a 4xx other than 429: the request itself was refused */
  unexpectedStatus: number | null;
}

export class StudentClient {
  cookie = "";
  /** sent as X-Forwarded-For: a distinct client address behind a TRUSTED_PROXIES proxy (abuse scenario) */
  forwardedFor: string | null = null;

  constructor(
    public baseUrl: string,
    readonly counters: HttpCounters,
    readonly email: string,
    readonly password = `load-test-password-${randomUUID().slice(0, 8)}`,
  ) {}

  protected async request(path: string, init: RequestInit, timeoutMs = 60_000): Promise<Response> {
    this.counters.requests++;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          origin: this.baseUrl,
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.forwardedFor ? { "x-forwarded-for": this.forwardedFor } : {}),
          ...(init.headers as Record<string, string>),
        },
      });
      this.counters.byStatus.set(response.status, (this.counters.byStatus.get(response.status) ?? 0) + 1);
      return response;
    } catch (e) {
      this.counters.networkErrors++;
      throw e;
    }
  }

  async signUp(name: string): Promise<void> {
    const response = await this.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, email: this.email, password: this.password }),
    });
    if (!response.ok) throw new Error(`sign-up of ${this.email} answered ${response.status}: ${await response.text()}`);
    const session = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    if (!session) throw new Error(`sign-up of ${this.email} set no session cookie`);
    this.cookie = session.split(";")[0];
  }

  /**
   * Submit and wait for the final report: 200 carries it; 503 (busy) stored the
   * submission, so poll it; 429 stored nothing, so wait Retry-After and resend.
   */
  async submit(exerciseId: string, code: string, mode: Mode, clientRequestId: string, deadline: number): Promise<SubmitOutcome> {
    const started = performance.now();
    const outcome: SubmitOutcome = { clientRequestId, accepted: false, submissionId: null, finalStatus: null, verdict: null, latencyMs: 0, rateLimited: 0, busy: 0, retryAfterOk: true, unexpectedStatus: null };
    const body = JSON.stringify({ code, language: "typescript", mode, clientRequestId });
    while (Date.now() < deadline) {
      let response: Response;
      try {
        response = await this.request(`/api/exercises/${exerciseId}/submissions`, { method: "POST", headers: { "content-type": "application/json" }, body });
      } catch {
        await sleep(500); // server down (restart): same clientRequestId again
        continue;
      }
      const retryAfter = Number(response.headers.get("retry-after"));
      if (response.status === 429 || response.status === 503) {
        if (!(retryAfter > 0)) outcome.retryAfterOk = false;
      }
      if (response.status === 429) {
        outcome.rateLimited++;
        await response.body?.cancel();
        await sleep(Math.max(1, retryAfter || 1) * 1000);
        continue;
      }
      const parsed = SubmissionBodySchema.safeParse(await response.json().catch(() => null));
      if (response.status === 503 && parsed.success) {
        outcome.busy++;
        this.counters.busyWithId++;
        outcome.accepted = true;
        outcome.submissionId = parsed.data.id;
        break;
      }
      if (response.status === 200 && parsed.success) {
        outcome.accepted = true;
        outcome.submissionId = parsed.data.id;
        if (FINAL.has(parsed.data.status)) {
          outcome.finalStatus = parsed.data.status;
          outcome.verdict = parsed.data.verdict ?? null;
        }
        break;
      }
      if (response.status >= 500 || response.status === 200) {
        // A restart in progress, or the body was cut off by a killed server: repeat with the same key.
        await sleep(500);
        continue;
      }
      outcome.unexpectedStatus = response.status;
      break;
    }
    if (outcome.accepted && !outcome.finalStatus && outcome.submissionId) {
      Object.assign(outcome, await this.pollUntilFinal(outcome.submissionId, deadline));
    }
    outcome.latencyMs = performance.now() - started;
    return outcome;
  }

  /** One POST, no retries: what the backpressure scenario measures. */
  async postOnce(exerciseId: string, code: string, clientRequestId: string): Promise<{ status: number; retryAfter: number | null; id: string | null; ms: number }> {
    const started = performance.now();
    const response = await this.request(`/api/exercises/${exerciseId}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, language: "typescript", mode: "submit", clientRequestId }),
    });
    const parsed = SubmissionBodySchema.safeParse(await response.json().catch(() => null));
    const header = response.headers.get("retry-after");
    return { status: response.status, retryAfter: header === null ? null : Number(header), id: parsed.success ? parsed.data.id : null, ms: performance.now() - started };
  }

  /** Whether the submission has reached a final status (one GET; false when the server does not answer). */
  async isFinal(id: string): Promise<boolean> {
    try {
      const response = await this.request(`/api/submissions/${id}`, { method: "GET" }, 10_000);
      const parsed = SubmissionBodySchema.safeParse(await response.json().catch(() => null));
      return response.ok && parsed.success && FINAL.has(parsed.data.status);
    } catch {
      return false;
    }
  }

  async pollUntilFinal(id: string, deadline: number): Promise<{ finalStatus: string | null; verdict: string | null }> {
    while (Date.now() < deadline) {
      try {
        const response = await this.request(`/api/submissions/${id}`, { method: "GET" }, 10_000);
        const parsed = SubmissionBodySchema.safeParse(await response.json().catch(() => null));
        if (response.ok && parsed.success && FINAL.has(parsed.data.status)) return { finalStatus: parsed.data.status, verdict: parsed.data.verdict ?? null };
      } catch {
        // server restarting: keep polling
      }
      await sleep(100);
    }
    return { finalStatus: null, verdict: null };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
