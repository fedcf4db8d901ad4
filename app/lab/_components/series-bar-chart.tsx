"use client";
/** The lab's one bar-chart shape: categories on x, one bar per named series, no animation (chart-frame.tsx: why it is built this way). */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/percent";
import { CHART_MARGIN, ChartLegend, useChartSize, useStagedData } from "./chart-frame";

export interface Bars {
  key: string;
  name: string;
  color: string;
}

const percent = (v: number) => formatPercent(v);

export function SeriesBarChart(props: { data: object[]; xKey: string; xLabel?: string; bars: Bars[]; percent?: boolean; integers?: boolean; legend?: boolean }) {
  const size = useChartSize();
  const data = useStagedData(props.data);
  // Every category labelled, unless there are many (histogram bins): then every other one. A fixed interval spares Recharts measuring each label.
  const interval = props.data.length > 10 ? 1 : 0;
  return (
    <>
      {props.legend !== false && <ChartLegend items={props.bars} />}
      <BarChart {...size} data={data} margin={CHART_MARGIN} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.xKey} interval={interval} label={props.xLabel ? { value: props.xLabel, position: "insideBottom", offset: -12 } : undefined} />
        {props.percent ? <YAxis domain={[0, 1]} tickFormatter={percent} interval={0} /> : <YAxis allowDecimals={!props.integers} interval={0} />}
        {props.bars.map((b) => (
          <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </>
  );
}
