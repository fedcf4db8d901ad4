"use client";
/**
 * Charts mount one per animation frame instead of all in one task: a result
 * with five Recharts plots rendered at once blocked the main thread for
 * 100–400 ms (measured with scripts/measure-lab.ts); in turns, each frame
 * does one chart's work.
 */
import { useEffect, useState } from "react";

const queue: (() => void)[] = [];
let scheduled = false;

function flush() {
  queue.shift()?.();
  if (queue.length > 0) requestAnimationFrame(flush);
  else scheduled = false;
}

export function useMountInTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    queue.push(() => live && setReady(true));
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
