/** The fair queue as lib/submissions/fair-grading.ts configures it for 2 workers and 2 spares (for the queue's tests). */
import type { FairQueueOptions } from "../fair-queue";

export const TWO_WORKER_OPTIONS: FairQueueOptions = {
  perUser: 1,
  fast: 2,
  maxInFlight: 6,
  maxHeavy: 2,
  slowAfterMs: 60,
  heavyAfterMs: 500,
  halfLifeMs: 30_000,
  maxWaiting: 200,
  maxWaitingPerUser: 5,
};
