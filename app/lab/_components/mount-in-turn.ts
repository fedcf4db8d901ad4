"use client";
/**
 * Chart work in turns, one piece per animation frame, instead of all in one
 * task: a result with five Recharts plots rendered at once blocked the main
 * thread for 100–400 ms (measured with scripts/measure-lab.ts). Each plot
 * takes a turn to measure its box and mount its chart with no data, and a
 * later turn to receive its data (chart-frame.tsx).
 */
import { useEffect, useState } from "react";

const queue: (() => void)[] = [];
let scheduled = false;

function flush() {
  queue.shift()?.();
  if (queue.length > 0) requestAnimationFrame(flush);
  else scheduled = false;
}

/** Runs `job` in a later animation frame, after every job queued before it; the returned function cancels it. */
export function inTurn(job: () => void): () => void {
  let live = true;
  queue.push(() => live && job());
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(flush);
  }
  return () => {
    live = false;
  };
}

/** False until this component's turn comes (then true, for good). */
export function useMountInTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => inTurn(() => setReady(true)), []);
  return ready;
}
