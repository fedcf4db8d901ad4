"use client";
/** The lab's one line-chart shape: steps (or draws) on x, a few named series on y, no animation. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  bold?: boolean;
  dots?: boolean;
}

const H = 260;
export const CHART_BOX = { width: "100%" as const, height: H, initialDimension: { width: 560, height: H } };
export const CHART_MARGIN = { top: 10, right: 20, bottom: 25, left: 10 };

export function SeriesLineChart(props: { data: object[]; xKey: string; xLabel: string; series: Series[]; yMax?: number }) {
  return (
    <ResponsiveContainer {...CHART_BOX}>
      <LineChart data={props.data} margin={CHART_MARGIN} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.xKey} type="number" label={{ value: props.xLabel, position: "insideBottom", offset: -12 }} />
        {props.yMax === undefined ? <YAxis /> : <YAxis domain={[0, props.yMax]} allowDataOverflow />}
        <Legend verticalAlign="top" />
        {props.series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeDasharray={s.dashed ? "5 4" : undefined}
            strokeWidth={s.bold ? 2 : undefined}
            dot={s.dots ?? false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
