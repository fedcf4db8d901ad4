"use client";
/**
 * What keeps a lab chart's first render small enough for one frame
 * (measured: one Recharts chart mounting with ResponsiveContainer and its
 * Legend was one 80–130 ms task on this machine):
 *  - a fixed size: the plot reads its box's width once, in its turn, before
 *    any chart exists, and a ResizeObserver follows later resizes — no
 *    ResponsiveContainer render at a guessed size followed by a re-render at
 *    the measured one;
 *  - the legend in HTML beside the SVG instead of Recharts' Legend, which
 *    measures itself and re-lays out the whole chart;
 *  - the data staged: the chart mounts empty in one turn (Recharts registers
 *    its axes and series through its store, several synchronous passes) and
 *    receives its data in a later turn (one pass).
 */
import { createContext, type RefObject, startTransition, use, useEffect, useState } from "react";
import styles from "../lab.module.css";
import { inTurn } from "./mount-in-turn";

export const CHART_HEIGHT = 240;
export const CHART_MARGIN = { top: 10, right: 20, bottom: 25, left: 10 };

export interface ChartSize {
  width: number;
  height: number;
}

export const ChartSizeContext = createContext<ChartSize>({ width: 560, height: CHART_HEIGHT });

export function useChartSize(): ChartSize {
  return use(ChartSizeContext);
}

/** The box's width, read in this plot's turn, then followed as the box resizes; null before the turn. */
export function useBoxSize(box: RefObject<HTMLElement | null>): ChartSize | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const cancel = inTurn(() => {
      const width = Math.floor(el.clientWidth);
      startTransition(() => setWidth(width));
    });
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry.contentRect.width);
      setWidth((old) => (old === null ? null : next));
    });
    observer.observe(el);
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [box]);
  return width === null ? null : { width, height: CHART_HEIGHT };
}

const NO_DATA: never[] = [];

/** No rows on the first render, the rows from a later turn on. */
export function useStagedData<T>(data: T[]): T[] {
  const [ready, setReady] = useState(false);
  useEffect(() => inTurn(() => startTransition(() => setReady(true))), []);
  return ready ? data : NO_DATA;
}

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

/** The series' names and colours, as HTML (the chart is hidden from assistive technology; the table beside it is not). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className={styles.legend}>
      {items.map((item) => (
        <li key={item.name}>
          <span className={styles.swatch} style={{ borderColor: item.color, borderStyle: item.dashed ? "dashed" : "solid" }} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
