/**
 * CPU priorities of grading workers. On 2 cores, an infinite loop waiting for
 * its 1 s timeout would otherwise take a core from the web server and from
 * honest gradings. Workers run slightly below the server (nice 5); a worker
 * whose job has run longer than the slow threshold drops to the lowest
 * priority (nice 19) until the job ends. Raising niceness is always allowed;
 * lowering it back may need privileges, so failures are ignored (the worker
 * then simply stays at the lower priority).
 */
import { setPriority } from "node:os";

export const NORMAL_WORKER_NICE = 5;
export const SLOW_JOB_NICE = 19;

export function setWorkerNice(pid: number | undefined, nice: number): boolean {
  if (pid === undefined) return false;
  try {
    setPriority(pid, nice);
    return true;
  } catch {
    return false;
  }
}
