"use client";
/**
 * Draws one small line chart and one bar chart off-screen while the page is
 * idle, before any result exists, then removes them. Why: the first time a
 * page runs Recharts' code it runs cold (not yet optimised by the JavaScript
 * engine); measured with production React in Chromium, a chart's first
 * mount or data pass took 45–50 ms of CPU cold and 15–25 ms once the same
 * code had run. Warming up while nobody waits keeps the result's charts
 * under the 50 ms task budget when they appear.
 */
import { useEffect, useState } from "react";
import styles from "../lab.module.css";
import { CHART_HEIGHT, ChartSizeContext } from "./chart-frame";
import { inTurn } from "./mount-in-turn";
import { SeriesBarChart } from "./series-bar-chart";
import { SeriesLineChart } from "./series-line-chart";

const SIZE = { width: 400, height: CHART_HEIGHT };
const POINTS = [
  { x: 1, a: 0.4, b: 0.2 },
  { x: 2, a: 0.6, b: 0.5 },
  { x: 3, a: 0.5, b: 0.9 },
];
const LINES = [
  { key: "a", name: "a", color: "#888" },
  { key: "b", name: "b", color: "#444", dashed: true },
];

type Phase = "waiting" | "drawing" | "done";

export function ChartWarmUp() {
  const [phase, setPhase] = useState<Phase>("waiting");
  useEffect(() => {
    // When the browser is idle (Safari has no requestIdleCallback: shortly after load).
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 500));
    const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setPhase("drawing"));
    return () => cancelIdle(handle);
  }, []);
  // The charts mount empty in one turn and get their data in a later one (chart-frame.tsx): two more turns later, they go.
  useEffect(() => {
    if (phase !== "drawing") return;
    let cancel = inTurn(() => {
      cancel = inTurn(() => setPhase("done"));
    });
    return () => cancel();
  }, [phase]);
  if (phase !== "drawing") return null;
  return (
    <div className={styles.warmUp} aria-hidden="true" data-testid="chart-warm-up">
      <ChartSizeContext value={SIZE}>
        <SeriesLineChart data={POINTS} xKey="x" xLabel="x" series={LINES} />
        <SeriesBarChart data={POINTS} xKey="x" percent bars={LINES} />
      </ChartSizeContext>
    </div>
  );
}
