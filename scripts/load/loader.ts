/** What scripts/seed-load.ts needs from a database loader (sqlite-loader.ts, postgres-loader.ts). */
import type { RowSink } from "./class-rows";

export interface ClassLoader {
  /** Takes one generated row (synchronously; a loader buffers as it needs). */
  emit: RowSink;
  /** Called after each student: commit a batch, or wait while the database catches up (flat memory). */
  afterStudent(n: number): void | Promise<void>;
  /** Writes what is left, rebuilds indexes and tallies; returns the milliseconds of each finishing step. */
  finish(): Promise<Record<string, number>>;
}
