"use client";
/**
 * The instructor pages' one bar chart (recharts, the project's charting
 * library). It is decorative for assistive technology: every use sits next to
 * a table with the same numbers, which is the accessible alternative.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/percent";

export interface BarDatum {
  label: string;
  value: number;
}

export function SimpleBarChart({
  data,
  xLabel,
  yLabel,
  layout = "vertical-bars",
  percent = false,
}: {
  data: BarDatum[];
  xLabel: string;
  yLabel: string;
  /** "vertical-bars": categories along x; "horizontal-bars": long category labels along y */
  layout?: "vertical-bars" | "horizontal-bars";
  percent?: boolean;
}) {
  const horizontal = layout === "horizontal-bars";
  const height = horizontal ? Math.max(140, 44 * data.length + 50) : 240;
  const format = (v: number) => (percent ? formatPercent(v) : String(v));
  return (
    <div aria-hidden="true" data-testid="bar-chart">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
        <BarChart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 5, right: 20, bottom: 25, left: horizontal ? 10 : 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" domain={percent ? [0, 1] : [0, "auto"]} tickFormatter={format} label={{ value: yLabel, position: "insideBottom", offset: -12 }} />
              <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" label={{ value: xLabel, position: "insideBottom", offset: -12 }} />
              <YAxis allowDecimals={false} tickFormatter={format} />
            </>
          )}
          <Bar dataKey="value" fill="#3346c9" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
