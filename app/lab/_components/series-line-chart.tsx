"use client";
/** The lab's one line-chart shape: steps (or draws) on x, a few named series on y, no animation (chart-frame.tsx: why it is built this way). */
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { CHART_MARGIN, ChartLegend, useChartSize, useStagedData } from "./chart-frame";

export interface Series {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  bold?: boolean;
  dots?: boolean;
}

export function SeriesLineChart(props: { data: object[]; xKey: string; xLabel: string; series: Series[]; yMax?: number }) {
  const size = useChartSize();
  const data = useStagedData(props.data);
  return (
    <>
      <ChartLegend items={props.series} />
      <LineChart {...size} data={data} margin={CHART_MARGIN} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.xKey} type="number" interval={0} label={{ value: props.xLabel, position: "insideBottom", offset: -12 }} />
        {props.yMax === undefined ? <YAxis interval={0} /> : <YAxis domain={[0, props.yMax]} allowDataOverflow interval={0} />}
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
    </>
  );
}
