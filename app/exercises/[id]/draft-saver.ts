/**
 * The server half of autosave, without React: debounces edits, keeps at most
 * one PUT in flight (two racing requests could be stored out of order, leaving
 * an older text as the newest draft on the server), sends whatever was typed
 * meanwhile as soon as the request in flight returns, and keeps a draft the
 * server did not store so the next flush sends it again.
 */
import type { Language } from "@/grader/contract/vocabulary";

export interface DraftBody {
  code: string;
  language: Language;
}

export type SaveState = "idle" | "saving" | "saved" | "failed";

export interface DraftSaverOptions {
  /** stores the draft on the server; resolves true when it was stored */
  send: (draft: DraftBody, keepalive: boolean) => Promise<boolean>;
  onState: (state: SaveState) => void;
  delayMs: number;
}

/** How many recently sent texts are remembered, to recognise this page's own drafts when the server hands one back. */
const REMEMBERED_SENDS = 8;

export class DraftSaver {
  private pending: DraftBody | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private flushWhenBack = false;
  private readonly sent: string[] = [];

  constructor(private readonly options: DraftSaverOptions) {}

  /** Queues the newest text; it goes to the server after a pause of `delayMs`. */
  save(draft: DraftBody): void {
    this.pending = draft;
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), this.options.delayMs);
  }

  /**
   * Sends the queued draft now. While a request is in flight it is sent when
   * that one returns — except with `keepalive` (the page is going away): then
   * at once, since there will be no later.
   */
  flush(keepalive = false): void {
    this.clearTimer();
    if (!this.pending) return;
    if (this.inFlight && !keepalive) {
      this.flushWhenBack = true;
      return;
    }
    const draft = this.pending;
    this.pending = null;
    this.remember(draft.code);
    this.inFlight = true;
    this.options.onState("saving");
    void this.options
      .send(draft, keepalive)
      .catch(() => false)
      .then((stored) => this.settle(draft, stored));
  }

  /** True when this page sent `code` to the server recently (so a server draft with it is ours, not another tab's). */
  sentFromHere(code: string): boolean {
    return this.sent.includes(code);
  }

  dispose(): void {
    this.clearTimer();
  }

  private settle(draft: DraftBody, stored: boolean): void {
    this.inFlight = false;
    // A draft the server did not take waits for the next flush, unless newer text replaced it.
    if (!stored && !this.pending) this.pending = draft;
    this.options.onState(stored ? "saved" : "failed");
    if (this.flushWhenBack) {
      this.flushWhenBack = false;
      // Text typed meanwhile goes now; after a failure it gets one more try after the usual pause.
      if (stored) this.flush();
      else this.timer = setTimeout(() => this.flush(), this.options.delayMs);
    }
  }

  private remember(code: string): void {
    this.sent.push(code);
    if (this.sent.length > REMEMBERED_SENDS) this.sent.shift();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
