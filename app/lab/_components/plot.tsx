"use client";
import { memo, type ReactNode, useRef } from "react";
import styles from "../lab.module.css";
import { formatPercent } from "@/lib/format/percent";
import { ChartSizeContext, useBoxSize } from "./chart-frame";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/**
 * One plot of the lab: the chart (hidden from assistive technology) beside a
 * sentence that says what it shows and a table of the same numbers. The chart
 * mounts in its own animation frame, at the width its box had then
 * (chart-frame.tsx); the table is memoised so that mounting the chart does
 * not render the table again.
 */
export function Plot<Row>(props: { title: string; summary: ReactNode; rows: Row[]; columns: Column<Row>[]; children: ReactNode; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  return (
    <figure className={styles.plot} data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div ref={box} className={styles.chart} aria-hidden="true">
        {size ? <ChartSizeContext value={size}>{props.children}</ChartSizeContext> : null}
      </div>
      <div className={styles.side}>
        <p>{props.summary}</p>
        <DataTable title={props.title} rows={props.rows} columns={props.columns as Column<unknown>[]} />
      </div>
    </figure>
  );
}

const DataTable = memo(function DataTable({ title, rows, columns }: { title: string; rows: unknown[]; columns: Column<unknown>[] }) {
  // Focusable so keyboard users can scroll a long table (axe: scrollable-region-focusable).
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <div className={styles.tableScroll} role="region" aria-label={`Table: ${title}`} tabIndex={0}>
      <table className="data">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (steps, rates) and never reorder.
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** Accuracies as the rest of the site writes percentages (lib/format/percent.ts). */
export const pct = (v: number) => formatPercent(v);
export const num = (v: number | undefined, digits = 3) =>
  v === undefined ? "—" : !Number.isFinite(v) ? "diverged" : Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toFixed(digits);
export const COLORS = { plain: "#b3261e", batchNorm: "#3346c9", third: "#1b7a3a" };
